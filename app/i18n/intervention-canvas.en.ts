import type { interventionCanvasNl } from './intervention-canvas.nl'

/** English texts of the canvas's intervention tools (same keys as intervention-canvas.nl.ts). */
export const interventionCanvasEn: Record<keyof typeof interventionCanvasNl, string> = {
  'intervention-canvas.area': 'Interventions',
  'intervention-canvas.label': 'Intervention of the selected frame',
  'intervention-canvas.start': 'Start intervention',
  'intervention-canvas.start.title': 'Start an intervention',
  'intervention-canvas.start.intro':
    'Make this frame the prototype of an intervention. You can then save it as a version.',
  'intervention-canvas.start.submit': 'Start intervention',
  'intervention-canvas.start.busy': 'Working …',
  'intervention-canvas.started': 'The intervention has been started.',
  'intervention-canvas.field.title': 'Title',
  'intervention-canvas.field.question': 'How might we …?',
  'intervention-canvas.field.question.hint': 'The question this intervention answers.',
  'intervention-canvas.question.prefix': 'How might we ',
  'intervention-canvas.save': 'Save as version',
  'intervention-canvas.save.title': 'Save as version',
  'intervention-canvas.save.intro':
    "A version records the frame as it is now, with an image. After that, the version never changes. It is kept even if the werksessie is deleted; participants' notes are in it with their role, not their name.",
  'intervention-canvas.field.reason': 'What changed, and why?',
  'intervention-canvas.field.reason.hint': 'Required. It tells your team later why this version exists.',
  'intervention-canvas.field.name': 'Name of the version (optional)',
  'intervention-canvas.save.submit': 'Save version',
  'intervention-canvas.save.images': 'Making the image …',
  'intervention-canvas.save.sending': 'Saving the version …',
  'intervention-canvas.saved': 'Version {number} saved',
  'intervention-canvas.open': 'Open intervention',
  'intervention-canvas.restoredFrom': 'Restored from v{number}',
  'intervention-canvas.cancel': 'Cancel',
  'intervention-canvas.errors': 'Still to change:',
  'intervention-canvas.error.titleRequired': 'Give the intervention a title.',
  'intervention-canvas.error.questionRequired': 'Write down the question: how might we …?',
  'intervention-canvas.error.reasonRequired': 'Write down what changed and why.',
  'intervention-canvas.error.images': 'No image of the frame could be made. Please try again.',
  'intervention-canvas.error.noFrame': 'First select one frame on the canvas.',
  'intervention-canvas.error.failed': 'That did not work. Check the connection and try again.',
}
