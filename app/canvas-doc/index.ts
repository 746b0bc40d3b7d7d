/**
 * The canvas document contract (docs/decisions/010-rooms.md): where records live in a room's
 * Y.Doc, how to read and write them, what a note and a photo look like, and what an update changes. Used by
 * the browser binding and by the server alike; framework-free (Yjs only, no tldraw, no React).
 */
export * from './image-record'
export * from './layout'
export * from './note-record'
export * from './record-changes'
export { getRecordMap, replaceRecords } from '~/canvas/y-records'
