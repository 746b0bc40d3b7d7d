import type { MessageKey } from './nl'
import { canvasEn } from './canvas.en'
import { cardsEn } from './cards.en'
import { importEn } from './import.en'
import { ownFiguresEn, ownImportEn } from './own-figures.en'
import { errorsEn } from './errors.en'
import { wijkenEn } from './wijken.en'
import { historyEn } from './history.en'
import { facilitationEn } from './facilitation.en'
import { votesEn } from './votes.en'
import { roomsEn } from './rooms.en'
import { templatesEn } from './templates.en'
import { summaryEn } from './summary.en'
import { privateEn } from './private.en'
import { participantEn } from './participant.en'
import { photosEn } from './photos.en'
import { interventionsEn } from './interventions.en'
import { interventionPagesEn } from './intervention-pages.en'
import { interventionCanvasEn } from './intervention-canvas.en'
import { interventionServerEn } from './intervention-server.en'

export const en: Record<MessageKey, string> = {
  'app.name': 'Wijkatelier',
  'app.tagline': 'Designing prevention together, neighbourhood by neighbourhood',
  'nav.login': 'Log in as facilitator',
  'nav.logout': 'Log out',
  'nav.sessions': 'My sessions',
  'nav.wijken': 'District figures',
  'nav.skip': 'Skip to content',
  'lang.switch': 'Nederlands',
  'lang.switchLabel': 'Schakel naar Nederlands',

  'role.facilitator': 'Facilitator',
  'role.ouder': 'Parent',
  'role.consultatiebureau': 'Child health clinic',
  'role.professional': 'Professional',
  'role.ouder.hint': 'You are a parent or carer of a child.',
  'role.consultatiebureau.hint': 'You work at the child health clinic (consultatiebureau).',
  'role.professional.hint': 'You work in a school, welfare, care, police or the municipality.',

  'home.join.title': 'Join with a code',
  'home.join.text': 'Did the facilitator give you a code? Enter it here.',
  'home.wijken.title': 'Figures about the district',
  'home.wijken.text': 'Open CBS figures per district: what stands out, and where do concerns pile up?',
  'home.facilitator.title': 'Facilitator?',
  'home.facilitator.text': 'Log in to prepare and run workshop sessions.',

  'setup.title': 'Create the first account',
  'setup.text': 'There is no account yet. Create the first facilitator account. You use it to create sessions.',
  'setup.submit': 'Create account',
  'setup.done': 'An account already exists. Please log in.',

  'field.name': 'Name',
  'field.email': 'Email address',
  'field.password': 'Password',
  'field.password.hint': 'At least 10 characters.',
  'field.title': 'Title',
  'field.wijkCode': 'District code (optional)',
  'field.wijkCode.hint': 'For example WK079601, so the district figures can be added later.',
  'field.place': 'Place (optional)',
  'field.place.hint': 'For example a school, a child health clinic or an integrated child centre.',
  'field.joinCode': 'Code',
  'field.displayName': 'Your name (optional)',
  'field.displayName.hint': 'Without a name, others only see your role, for example "Parent 3".',
  'field.organisationType': 'Where do you work? (optional)',
  'field.organisationType.hint': 'Only if you are a professional. We never ask for the name of your organisation.',
  'field.organisationType.none': 'I would rather not say',

  'login.title': 'Log in',
  'login.submit': 'Log in',
  'login.failed': 'This email address and password do not match.',

  'sessions.title': 'My sessions',
  'sessions.new': 'New session',
  'sessions.create': 'Create session',
  'sessions.empty': 'You have no sessions yet. Create your first one above.',
  'sessions.importLink': 'Import CBS figures (administrator)',
  'sessions.col.title': 'Session',
  'sessions.col.code': 'Code',
  'sessions.col.created': 'Created',
  'sessions.col.participants': 'Participants',
  'sessions.open': 'Open',
  'sessions.wijk': 'District {code}',

  'session.code': 'Code',
  'session.joinLink': 'Link to join',
  'session.copy': 'Copy link',
  'session.copied': 'Copied',
  'session.projector': 'Projector view',
  'session.back': 'All sessions',
  'session.delete': 'Delete',
  'session.delete.title': 'Delete session',
  'session.delete.text':
    'You are deleting "{title}" with its canvas and all {count} participants. Anyone taking part now is disconnected. This cannot be undone.',
  'session.delete.confirm': 'Yes, delete for good',
  'session.delete.cancel': 'No, go back',
  'session.deleted': 'The session "{title}" was deleted.',
  'session.you': 'You are {name}',

  'join.title': 'Join',
  'join.text': 'Enter the code you got from the facilitator.',
  'join.next': 'Next',
  'join.who': 'Who are you?',
  'join.whoText': 'You are joining: {title}',
  'join.submit': 'Join',
  'join.returning.text': 'You are already taking part in: {title}. You are {name}.',
  'join.returning.continue': 'Continue as {name}',
  'join.returning.kept':
    'You are already taking part as {name}. That stays as it is: we did not change your role or name. Is that not right? Ask the facilitator.',
  'join.removed.title': 'You no longer take part',

  'v.email.required': 'Enter your email address.',
  'v.email.invalid': 'This is not a valid email address.',
  'v.password.required': 'Enter your password.',
  'v.password.choose': 'Choose a password.',
  'v.password.min': 'A password has at least 10 characters.',
  'v.password.max': 'A password has at most 200 characters.',
  'v.name.required': 'Enter your name.',
  'v.name.max': 'A name has at most 100 characters.',
  'v.title.required': 'Give the session a title.',
  'v.title.max': 'A title has at most 120 characters.',
  'v.wijkCode.type': 'A district code is text, such as WK079601.',
  'v.wijkCode.format': 'A district code is WK followed by 6 digits, such as WK079601.',
  'v.place.type': 'A place is text, such as the name of a school.',
  'v.place.max': 'A place has at most 120 characters.',
  'v.joinCode.required': 'Enter the code.',
  'v.joinCode.format': 'A code has 6 letters and digits, such as K7MR4P.',
  'v.joinCode.unknown': 'We do not know this code. Check that you copied it correctly.',
  'v.role.required': 'Choose who you are: parent, child health clinic or professional.',
  'v.displayName.type': 'A name is text.',
  'v.displayName.max': 'A name has at most 40 characters.',
  'v.organisationType.unknown': 'Choose school, welfare, care, police, municipality or childcare, or leave it empty.',
  'v.email.taken': 'An account with this email address already exists.',
  'v.login.failed': 'This email address and password do not match.',

  ...errorsEn,
  ...canvasEn,
  ...cardsEn,
  ...wijkenEn,
  ...importEn,
  ...ownImportEn,
  ...ownFiguresEn,
  ...historyEn,
  ...facilitationEn,
  ...votesEn,
  ...roomsEn,
  ...templatesEn,
  ...summaryEn,
  ...privateEn,
  ...participantEn,
  ...photosEn,
  ...interventionsEn,
  ...interventionPagesEn,
  ...interventionCanvasEn,
  ...interventionServerEn,
}
