import { canvasNl } from './canvas.nl'
import { cardsNl } from './cards.nl'
import { importNl } from './import.nl'
import { ownFiguresNl, ownImportNl } from './own-figures.nl'
import { errorsNl } from './errors.nl'
import { wijkenNl } from './wijken.nl'
import { historyNl } from './history.nl'
import { facilitationNl } from './facilitation.nl'
import { votesNl } from './votes.nl'
import { roomsNl } from './rooms.nl'
import { templatesNl } from './templates.nl'
import { summaryNl } from './summary.nl'
import { privateNl } from './private.nl'
import { participantNl } from './participant.nl'
import { photosNl } from './photos.nl'
import { interventionsNl } from './interventions.nl'
import { interventionPagesNl } from './intervention-pages.nl'
import { interventionCanvasNl } from './intervention-canvas.nl'
import { interventionServerNl } from './intervention-server.nl'

/** Dutch, the product's first language. Participant-facing texts are plain language (B1). */
export const nl = {
  'app.name': 'Wijkatelier',
  'app.tagline': 'Samen ontwerpen aan preventie in de wijk',
  'nav.login': 'Inloggen voor begeleiders',
  'nav.logout': 'Uitloggen',
  'nav.sessions': 'Mijn werksessies',
  'nav.wijken': 'Wijkcijfers',
  'nav.skip': 'Naar de inhoud',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',

  'role.facilitator': 'Begeleider',
  'role.ouder': 'Ouder',
  'role.consultatiebureau': 'Consultatiebureau',
  'role.professional': 'Professional',
  'role.ouder.hint': 'Je bent ouder of verzorger van een kind.',
  'role.consultatiebureau.hint': 'Je werkt bij het consultatiebureau.',
  'role.professional.hint': 'Je werkt bij school, welzijn, zorg, politie of gemeente.',

  'home.join.title': 'Doe mee met een code',
  'home.join.text': 'Kreeg je een code van de begeleider? Vul hem hier in.',
  'home.wijken.title': 'Cijfers over de wijk',
  'home.wijken.text': 'Open cijfers van het CBS per wijk: wat valt op, en waar stapelen zorgen zich op?',
  'home.facilitator.title': 'Begeleider?',
  'home.facilitator.text': 'Log in om werksessies voor te bereiden en te leiden.',

  'setup.title': 'Eerste account aanmaken',
  'setup.text': 'Er is nog geen account. Maak het eerste account voor een begeleider aan. Daarmee maak je werksessies.',
  'setup.submit': 'Account aanmaken',
  'setup.done': 'Er is al een account. Log in.',

  'field.name': 'Naam',
  'field.email': 'E-mailadres',
  'field.password': 'Wachtwoord',
  'field.password.hint': 'Minstens 10 tekens.',
  'field.title': 'Titel',
  'field.wijkCode': 'Wijkcode (mag leeg)',
  'field.wijkCode.hint': 'Bijvoorbeeld WK079601. Zo kun je later de cijfers van de wijk erbij halen.',
  'field.place': 'Plek (mag leeg)',
  'field.place.hint': 'Bijvoorbeeld een school, een consultatiebureau of een IKC.',
  'field.joinCode': 'Code',
  'field.displayName': 'Je naam (mag leeg)',
  'field.displayName.hint': 'Zonder naam zien anderen alleen wie je bent, bijvoorbeeld "Ouder 3".',
  'field.organisationType': 'Waar werk je? (mag leeg)',
  'field.organisationType.hint': 'Alleen als je professional bent. We vragen nooit de naam van je werk.',
  'field.organisationType.none': 'Zeg ik liever niet',

  'login.title': 'Inloggen',
  'login.submit': 'Inloggen',
  'login.failed': 'Dit e-mailadres en wachtwoord horen niet bij elkaar.',

  'sessions.title': 'Mijn werksessies',
  'sessions.new': 'Nieuwe werksessie',
  'sessions.create': 'Werksessie aanmaken',
  'sessions.empty': 'Je hebt nog geen werksessies. Maak hierboven je eerste.',
  'sessions.importLink': 'CBS-cijfers inlezen (beheerder)',
  'sessions.col.title': 'Werksessie',
  'sessions.col.code': 'Code',
  'sessions.col.created': 'Gemaakt',
  'sessions.col.participants': 'Deelnemers',
  'sessions.open': 'Openen',
  'sessions.wijk': 'Wijk {code}',

  'session.code': 'Code',
  'session.joinLink': 'Link om mee te doen',
  'session.copy': 'Kopieer link',
  'session.copied': 'Gekopieerd',
  'session.projector': 'Projectiescherm',
  'session.back': 'Alle werksessies',
  'session.delete': 'Verwijderen',
  'session.delete.title': 'Werksessie verwijderen',
  'session.delete.text':
    'Je verwijdert "{title}" met de tekentafel en alle {count} deelnemers. Wie nu meedoet, wordt losgekoppeld. Dit kun je niet ongedaan maken.',
  'session.delete.confirm': 'Ja, definitief verwijderen',
  'session.delete.cancel': 'Nee, terug',
  'session.deleted': 'De werksessie "{title}" is verwijderd.',
  'session.you': 'Jij bent {name}',

  'join.title': 'Meedoen',
  'join.text': 'Vul de code in die je van de begeleider kreeg.',
  'join.next': 'Verder',
  'join.who': 'Wie ben je?',
  'join.whoText': 'Je doet mee met: {title}',
  'join.submit': 'Meedoen',
  'join.returning.text': 'Je doet al mee met: {title}. Je bent {name}.',
  'join.returning.continue': 'Verder als {name}',
  'join.returning.kept':
    'Je doet al mee als {name}. Dat blijft zo: we hebben je rol en naam niet veranderd. Klopt dat niet? Vraag het de begeleider.',
  'join.removed.title': 'Je doet niet meer mee',

  // Validation messages: the schemas name these keys; pages and the API translate them.
  'v.email.required': 'Vul je e-mailadres in.',
  'v.email.invalid': 'Dit is geen geldig e-mailadres.',
  'v.password.required': 'Vul je wachtwoord in.',
  'v.password.choose': 'Kies een wachtwoord.',
  'v.password.min': 'Een wachtwoord heeft minstens 10 tekens.',
  'v.password.max': 'Een wachtwoord is hoogstens 200 tekens.',
  'v.name.required': 'Vul je naam in.',
  'v.name.max': 'Een naam is hoogstens 100 tekens.',
  'v.title.required': 'Geef de werksessie een titel.',
  'v.title.max': 'Een titel is hoogstens 120 tekens.',
  'v.wijkCode.type': 'Een wijkcode is tekst, zoals WK079601.',
  'v.wijkCode.format': 'Een wijkcode is WK gevolgd door 6 cijfers, zoals WK079601.',
  'v.place.type': 'Een plek is tekst, zoals de naam van een school.',
  'v.place.max': 'Een plek is hoogstens 120 tekens.',
  'v.joinCode.required': 'Vul de code in.',
  'v.joinCode.format': 'Een code heeft 6 letters en cijfers, zoals K7MR4P.',
  'v.joinCode.unknown': 'Deze code kennen we niet. Kijk of je hem goed hebt overgenomen.',
  'v.role.required': 'Kies wie je bent: ouder, consultatiebureau of professional.',
  'v.displayName.type': 'Een naam is tekst.',
  'v.displayName.max': 'Een naam is hoogstens 40 tekens.',
  'v.organisationType.unknown': 'Kies school, welzijn, zorg, politie, gemeente of kinderopvang, of laat het leeg.',
  'v.email.taken': 'Er bestaat al een account met dit e-mailadres.',
  'v.login.failed': 'Dit e-mailadres en wachtwoord horen niet bij elkaar.',

  ...errorsNl,
  ...canvasNl,
  ...cardsNl,
  ...wijkenNl,
  ...importNl,
  ...ownImportNl,
  ...ownFiguresNl,
  ...historyNl,
  ...facilitationNl,
  ...votesNl,
  ...roomsNl,
  ...templatesNl,
  ...summaryNl,
  ...privateNl,
  ...participantNl,
  ...photosNl,
  ...interventionsNl,
  ...interventionPagesNl,
  ...interventionCanvasNl,
  ...interventionServerNl,
} as const

export type MessageKey = keyof typeof nl
