import type { canvasNl } from './canvas.nl'

export const canvasEn: Record<keyof typeof canvasNl, string> = {
  'canvas.connection.connected': 'connected',
  'canvas.connection.reconnecting': 'reconnecting…',
  'canvas.connection.offline': 'offline',
  'canvas.connectionLabel': 'Connection to the canvas',
  'canvas.offlineHint': 'Your changes are kept and sent as soon as the connection is back.',
  'canvas.loading': 'Loading the canvas…',
  'canvas.newerSchema':
    'Someone is using a newer version of the canvas. Reload this page to keep drawing; until then your changes are not saved.',
  'canvas.migrationFailed':
    'The drawing could not be upgraded to this version. You can look but not draw. Reload the page or ask the facilitator.',
  'canvas.reload': 'Reload page',
  'canvas.refusal.unauthenticated':
    'You are not (or no longer) signed in to this session. Reload the page or sign in again.',
  'canvas.refusal.forbidden': 'You do not have access to this canvas.',
  'canvas.refusal.gone': 'The facilitator deleted this session. What was here is gone.',
  'canvas.refusal.rejected': 'The server refused a change. Reload the page to continue.',
  'canvas.license.participant': 'The canvas is not ready yet. Please ask the facilitator for help.',
  'canvas.license.title': 'The canvas needs a tldraw licence key',
  'canvas.license.why':
    'On an https address other than localhost, tldraw without a licence key shows the canvas for five seconds and then blanks it.',
  'canvas.license.how':
    'Set the environment variable TLDRAW_LICENSE_KEY on the server (get a licence or trial at tldraw.dev) and restart the app.',
  'canvas.license.meanwhile': 'Until then participants see a message that the canvas is not ready.',
}
