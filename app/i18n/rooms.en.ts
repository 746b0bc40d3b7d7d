import type { roomsNl } from './rooms.nl'

/** English texts of permissions and locks on the canvas. */
export const roomsEn: Record<keyof typeof roomsNl, string> = {
  'permission.notYours': 'You can only change what you made yourself.',
  'permission.facilitatorOnly': 'Only the facilitator can do this.',
  'permission.locked': 'This part of the canvas is locked.',
  'permission.lockedAll': 'The canvas is locked.',
  'permission.media': 'Adding photos and files is switched off in this session.',
  'permission.createdBy': 'Who made something cannot be changed.',
  'permission.malformed': 'This change does not fit the canvas.',
  'permission.privateRoom': 'This is someone else’s room.',
  'canvas.reset': 'Your last change was not saved: {reason} The canvas was reloaded as it is now.',
  'canvas.reset.close': 'Close',
  'lock.banner': 'The canvas is locked. You can look, but not change anything.',
  'lock.badge': 'Locked',
  'lock.lockFrame': 'Lock frame',
  'lock.unlockFrame': 'Unlock frame',
  'lock.lockAll': 'Lock everything',
  'lock.unlockAll': 'Unlock everything',
  'lock.error.frameRequired': 'Choose a frame or everything.',
  'lock.error.frameNotFound': 'This frame is not on the canvas.',
  'lock.error.notAFrame': 'Only a frame can be locked.',
}
