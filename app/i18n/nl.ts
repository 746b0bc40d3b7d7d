import { canvasNl } from './canvas.nl'
import { cardsNl } from './cards.nl'
import { wijkenNl } from './wijken.nl'

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

  'login.title': 'Inloggen',
  'login.submit': 'Inloggen',
  'login.failed': 'Dit e-mailadres en wachtwoord horen niet bij elkaar.',
  'login.throttled': 'Te veel mislukte pogingen met dit e-mailadres. Wacht een kwartier en probeer het dan opnieuw.',

  'sessions.title': 'Mijn werksessies',
  'sessions.new': 'Nieuwe werksessie',
  'sessions.create': 'Werksessie aanmaken',
  'sessions.empty': 'Je hebt nog geen werksessies. Maak hierboven je eerste.',
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
  'join.unknown': 'Deze code kennen we niet. Kijk of je hem goed hebt overgenomen.',
  'join.who': 'Wie ben je?',
  'join.whoText': 'Je doet mee met: {title}',
  'join.submit': 'Meedoen',

  'error.title': 'Er ging iets mis',
  'error.text': 'Probeer het nog eens. Blijft het misgaan? Vraag de begeleider om hulp.',
  'error.notFound': 'Deze pagina bestaat niet',
  'error.forbidden': 'Hier heb je geen toegang toe',
  'error.home': 'Naar de startpagina',
  ...canvasNl,
  ...cardsNl,
  ...wijkenNl,
} as const

export type MessageKey = keyof typeof nl
