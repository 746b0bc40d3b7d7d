import type { historyNl } from './history.nl'

export const historyEn: Record<keyof typeof historyNl, string> = {
  'history.link': 'History',
  'history.title': 'Canvas history',
  'history.intro':
    'While people work, Wijkatelier keeps the canvas every few minutes. See how it looked and restore it if needed. What is on the canvas at that point is kept first, so a restore can be undone.',
  'history.empty':
    'Nothing has been kept yet. The first moment comes a few minutes after someone worked on the canvas.',
  'history.back': 'Back to the session',
  'history.table': 'Kept moments, newest first',
  'history.col.time': 'Time',
  'history.col.reason': 'Why it was kept',
  'history.col.shapes': 'Shapes',
  'history.col.actions': 'Actions',
  'history.reason.interval': 'While working',
  'history.reason.compaction': 'When saving in between',
  'history.reason.restore': 'Just before a restore',
  'history.view': 'View',
  'history.viewLabel': 'View the canvas of {time}',
  'history.restore': 'Restore',
  'history.restoreLabel': 'Restore the canvas to {time}',
  'history.preview.title': 'The canvas at {time}',
  'history.preview.shapes.one': '{count} shape. You can only look here; nothing changes.',
  'history.preview.shapes.other': '{count} shapes. You can only look here; nothing changes.',
  'history.preview.loading': 'Loading the canvas…',
  'history.preview.failed': 'This moment cannot be shown here. It can still be restored.',
  'history.confirm.title': 'Restore the canvas to {time}?',
  'history.confirm.text':
    'Everyone in the session sees the canvas at once as it was at {time}. What is on it now is kept as a moment first.',
  'history.confirm.yes': 'Yes, restore',
  'history.confirm.no': 'No, do not restore',
  'history.restored': 'The canvas is back as it was at {time}.',
  'history.error.notFound': 'This moment does not exist (any more).',
}
