import type { interventionServerNl } from './intervention-server.nl'

/** English refusals of the intervention commands and API (same keys as intervention-server.nl.ts). */
export const interventionServerEn: Record<keyof typeof interventionServerNl, string> = {
  'interventions.error.notFound': 'This intervention does not exist (any more).',
  'interventions.error.notYours': 'This intervention belongs to another team.',
  'interventions.error.readOnly':
    'You may view this intervention but not change it. Ask its owner to add you to the team.',
  'interventions.error.ownerOnly': "Only the intervention's owner can add people to the team.",
  'interventions.error.sessionRequired': 'Choose the werksessie the frame is on.',
  'interventions.error.sessionNotYours': 'This is not a werksessie you facilitate.',
  'interventions.error.noFrame': "This frame is not (or no longer) on the werksessie's canvas.",
  'interventions.error.frameTaken': 'This frame already belongs to another intervention.',
  'interventions.error.statusStep': 'This step is not possible from the current status.',
  'interventions.error.noAccount': 'There is no facilitator with this e-mail address.',
  'interventions.error.alreadyMember': 'This facilitator is already on the team.',
  'interventions.error.noVersion': 'This version does not exist.',
  'interventions.error.versionNumber': 'Give a version number, for example 1.',
  'interventions.error.noImage': 'No image was kept of this version.',
  'interventions.error.noMeasurement': 'This measurement does not exist.',
  'interventions.error.noTarget': 'This target does not belong to this intervention.',
  'interventions.error.baseline.not-in-data':
    'The wijk figures do not have this figure. Enter the baseline yourself, with its source.',
  'interventions.error.baseline.hidden':
    'In the wijk figures this figure is too small to show. Enter the baseline yourself, with its source.',
  'interventions.error.baseline.no-value':
    'The wijk figures have no value for this wijk. Enter the baseline yourself, with its source.',
  'interventions.error.invalidContent': 'This frame holds something that cannot be kept as a version.',
  'interventions.error.outOfDate':
    'The frame has just changed. Check that everything is right and save the version again.',
  'interventions.error.imageMissing': "The frame's image is missing. Try saving again.",
  'interventions.error.imageInvalid': "The frame's image cannot be used.",
  'interventions.error.imageTooBig': "The frame's image is too large (at most 8 MB).",
  'interventions.error.import.metric': 'The file names a target metric we do not know.',
  'interventions.error.import.value': "The file has a value outside its unit's range.",
  'interventions.error.import.reference': 'The file refers to something it does not contain.',
  'interventions.error.import.numbers': 'The versions in the file are not numbered 1, 2, 3 …',
  'interventions.error.import.content': 'A version in the file was changed or damaged (its check code does not match).',
  'interventions.csv.metric': 'Target',
  'interventions.csv.unit': 'Unit',
  'interventions.csv.date': 'Date',
  'interventions.csv.period': 'Period',
  'interventions.csv.value': 'Value',
  'interventions.csv.provisional': 'Provisional or final',
  'interventions.csv.source': 'Source',
  'interventions.csv.recorded': 'Recorded on',
  'interventions.measurement.provisional': 'provisional',
  'interventions.measurement.final': 'final',
}
