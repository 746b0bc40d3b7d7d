import type { privateNl } from './private.nl'

/** English texts of private ideation (merged into the one dictionary in ./en.ts). */
export const privateEn: Record<keyof typeof privateNl, string> = {
  'private.noteLabel': '{name} ({role})',
  'private.banner': 'Only you can see this, until the facilitator shows everything.',
  'private.bannerFacilitatorSees': 'Only you and the facilitator can see this, until the facilitator shows everything.',
  'private.loading': 'Loading your own canvas…',
  'private.group': 'Private writing',
  'private.turnOn': 'Private writing on',
  'private.facilitatorSees': 'Facilitators may look',
  'private.isOn': 'Private writing is on.',
  'private.reveal': 'Show everything',
  'private.revealed': 'All notes are on the canvas now ({count} new).',
  'private.watch': 'Look at',
  'private.watch.main': 'Shared canvas',
  'private.watching': 'You are looking at {name}’s canvas. You cannot change anything here.',
  'private.failed': 'That did not work. Please try again.',
  'private.error.on': 'Choose on or off.',
  'private.error.facilitatorSees': 'Choose whether facilitators may look.',
  'private.error.off': 'Private writing is off.',
  'private.error.facilitator': 'Facilitators write on the shared canvas, not in a room of their own.',
  'private.error.roomNotFound': 'This room does not belong to this session.',
  'private.error.room': 'Choose the canvas: main, private or the id of a room.',
  'permission.privateEnded': 'Private writing has ended. Your notes are on the shared canvas now.',
}
