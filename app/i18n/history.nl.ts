/** Dutch texts of a werksessie's canvas history (merged into the one dictionary in ./nl.ts). */
export const historyNl = {
  'history.link': 'Geschiedenis',
  'history.title': 'Geschiedenis van het canvas',
  'history.intro':
    'Terwijl er gewerkt wordt, bewaart Wijkatelier het canvas om de paar minuten. Bekijk hoe het eruitzag en zet het terug als dat nodig is. Wat er op dat moment op het canvas staat, wordt eerst zelf bewaard, dus terugzetten kun je weer ongedaan maken.',
  'history.empty':
    'Er is nog niets bewaard. Het eerste moment komt een paar minuten nadat er op het canvas is gewerkt.',
  'history.back': 'Terug naar de werksessie',
  'history.table': 'Bewaarde momenten, nieuwste eerst',
  'history.col.time': 'Tijd',
  'history.col.reason': 'Waarom bewaard',
  'history.col.shapes': 'Vormen',
  'history.col.actions': 'Doen',
  'history.reason.interval': 'Tijdens het werken',
  'history.reason.compaction': 'Bij tussentijds opslaan',
  'history.reason.restore': 'Vlak voor het terugzetten',
  'history.view': 'Bekijken',
  'history.viewLabel': 'Bekijk het canvas van {time}',
  'history.restore': 'Terugzetten',
  'history.restoreLabel': 'Zet het canvas terug naar {time}',
  'history.preview.title': 'Het canvas om {time}',
  'history.preview.shapes.one': '{count} vorm. Je kunt hier alleen kijken; er verandert niets.',
  'history.preview.shapes.other': '{count} vormen. Je kunt hier alleen kijken; er verandert niets.',
  'history.preview.loading': 'Het canvas wordt geladen…',
  'history.preview.failed': 'Dit moment kan hier niet getoond worden. Terugzetten kan wel.',
  'history.confirm.title': 'Canvas terugzetten naar {time}?',
  'history.confirm.text':
    'Iedereen in de werksessie ziet het canvas meteen zoals het om {time} was. Wat er nu op staat, wordt eerst bewaard als moment.',
  'history.confirm.yes': 'Ja, zet terug',
  'history.confirm.no': 'Nee, niet terugzetten',
  'history.restored': 'Het canvas staat weer zoals het om {time} was.',
  'history.error.notFound': 'Dit moment is er niet (meer).',
} as const
