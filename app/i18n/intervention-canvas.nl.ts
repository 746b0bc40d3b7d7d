/**
 * Dutch texts of the canvas's intervention tools (issue 10): a facilitator starts an intervention
 * from a prototype frame and saves the frame as a version of it (app/interventions/FrameInterventionTools.tsx).
 */
export const interventionCanvasNl = {
  'intervention-canvas.area': 'Interventies',
  'intervention-canvas.label': 'Interventie van het gekozen kader',
  'intervention-canvas.start': 'Start interventie',
  'intervention-canvas.start.title': 'Interventie starten',
  'intervention-canvas.start.intro':
    'Maak van dit kader het prototype van een interventie. Daarna kun je het als versie bewaren.',
  'intervention-canvas.start.submit': 'Start interventie',
  'intervention-canvas.start.busy': 'Bezig …',
  'intervention-canvas.started': 'De interventie is gestart.',
  'intervention-canvas.field.title': 'Titel',
  'intervention-canvas.field.question': 'Hoe kunnen wij …?',
  'intervention-canvas.field.question.hint': 'De vraag waar deze interventie een antwoord op geeft.',
  'intervention-canvas.question.prefix': 'Hoe kunnen wij ',
  'intervention-canvas.save': 'Bewaar als versie',
  'intervention-canvas.save.title': 'Bewaar als versie',
  'intervention-canvas.save.intro':
    'Een versie legt het kader vast zoals het nu is, met een afbeelding. Daarna verandert die versie niet meer. Ze blijft bewaard, ook als de werksessie wordt verwijderd; briefjes van deelnemers staan erin met hun rol, niet met hun naam.',
  'intervention-canvas.field.reason': 'Wat is er veranderd en waarom?',
  'intervention-canvas.field.reason.hint': 'Verplicht. Zo begrijpt je team later waarom deze versie er is.',
  'intervention-canvas.field.name': 'Naam van de versie (mag leeg)',
  'intervention-canvas.save.submit': 'Bewaar versie',
  'intervention-canvas.save.images': 'Afbeelding maken …',
  'intervention-canvas.save.sending': 'Versie bewaren …',
  'intervention-canvas.saved': 'Versie {number} bewaard',
  'intervention-canvas.open': 'Open interventie',
  'intervention-canvas.restoredFrom': 'Teruggezet uit v{number}',
  'intervention-canvas.cancel': 'Annuleren',
  'intervention-canvas.errors': 'Dit moet nog anders:',
  'intervention-canvas.error.titleRequired': 'Geef de interventie een titel.',
  'intervention-canvas.error.questionRequired': 'Schrijf de vraag op: hoe kunnen wij …?',
  'intervention-canvas.error.reasonRequired': 'Schrijf op wat er veranderd is en waarom.',
  'intervention-canvas.error.images': 'Er kon geen afbeelding van het kader gemaakt worden. Probeer het opnieuw.',
  'intervention-canvas.error.noFrame': 'Kies eerst één kader op het canvas.',
  'intervention-canvas.error.failed': 'Dat lukte niet. Controleer de verbinding en probeer het opnieuw.',
}
