import { createContext, useContext, useState } from 'react'
import {
  DefaultToolbar,
  ArrowToolbarItem,
  DrawToolbarItem,
  EraserToolbarItem,
  HandToolbarItem,
  HighlightToolbarItem,
  NoteToolbarItem,
  RectangleToolbarItem,
  SelectToolbarItem,
  TextToolbarItem,
  useEditor,
  useValue,
  type TLUiOverrides,
} from 'tldraw'
import { t, type Locale } from '~/i18n'
import { isFrame } from './canvas-guards'
import { MediaToolbarItem } from './canvas-media'
import './canvas-locks.css'

/** What is locked on the canvas now, and how to change it (facilitators). */
export interface LockValue {
  locale: Locale
  all: boolean
  frames: ReadonlySet<string>
  /** set for facilitators: the session whose locks they change */
  sessionId?: string
}

export const LockContext = createContext<LockValue>({ locale: 'nl', all: false, frames: new Set() })

/** A padlock drawn inline (an emoji is not in every system font, e.g. on a projector PC). */
export function PadlockIcon() {
  return (
    <svg aria-hidden="true" width="12" height="14" viewBox="0 0 12 14" style={{ verticalAlign: '-1px' }}>
      <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="1" y="6" width="10" height="8" rx="1.5" fill="currentColor" />
    </svg>
  )
}

/** A badge on every locked frame, in page space so it moves and zooms with the frame. */
export function LockBadges() {
  const editor = useEditor()
  const { frames, locale } = useContext(LockContext)
  const bounds = useValue(
    'locked frames',
    () =>
      [...frames]
        .map((id) => editor.getShapePageBounds(id as Parameters<typeof editor.getShapePageBounds>[0]))
        .filter((b) => !!b),
    [editor, frames],
  )
  return (
    <>
      {bounds.map((b, i) => (
        <div
          key={i}
          className="lock-badge"
          data-testid="lock-badge"
          style={{ position: 'absolute', left: b.maxX, top: b.minY, transform: 'translate(-100%, -110%)' }}
        >
          <PadlockIcon /> {t(locale, 'lock.badge')}
        </div>
      ))}
    </>
  )
}

/** The facilitator's lock buttons: the selected frame, and the whole canvas. */
export function LockControls() {
  const editor = useEditor()
  const { all, frames, locale, sessionId } = useContext(LockContext)
  const [busy, setBusy] = useState(false)
  const frameId = useValue(
    'selected frame',
    () => {
      const selected = editor.getOnlySelectedShape()
      return isFrame(selected ?? undefined) ? selected!.id : null
    },
    [editor],
  )
  if (!sessionId) return null
  const send = async (method: 'POST' | 'DELETE', body: object) => {
    setBusy(true)
    try {
      // The new locks reach every screen, this one included, on the live channel.
      await fetch(`/api/v1/sessions/${sessionId}/locks`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    } finally {
      setBusy(false)
    }
  }
  const frameLocked = frameId !== null && frames.has(frameId)
  return (
    <div className="lock-controls" style={{ pointerEvents: 'all' }}>
      {frameId ? (
        <button
          type="button"
          className="tool-button"
          disabled={busy}
          onClick={() => void send(frameLocked ? 'DELETE' : 'POST', { frameId })}
        >
          {t(locale, frameLocked ? 'lock.unlockFrame' : 'lock.lockFrame')}
        </button>
      ) : null}
      <button
        type="button"
        className="tool-button"
        disabled={busy}
        aria-pressed={all}
        onClick={() => void send(all ? 'DELETE' : 'POST', { all: true })}
      >
        {t(locale, all ? 'lock.unlockAll' : 'lock.lockAll')}
      </button>
    </div>
  )
}

/** A participant's toolbar: notes, text, drawing, arrows, shapes; no frames; pictures only while photos are allowed. */
export function ParticipantToolbar() {
  return (
    <DefaultToolbar>
      <SelectToolbarItem />
      <HandToolbarItem />
      <NoteToolbarItem />
      <TextToolbarItem />
      <DrawToolbarItem />
      <HighlightToolbarItem />
      <ArrowToolbarItem />
      <RectangleToolbarItem />
      <EraserToolbarItem />
      <MediaToolbarItem />
    </DefaultToolbar>
  )
}

/** Actions and tools a participant does not get (with their shortcuts): pages, export all, media, frames. */
export const participantOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    for (const id of Object.keys(actions)) {
      if (id.startsWith('export-all') || ['insert-media', 'insert-embed', 'new-page'].includes(id)) delete actions[id]
    }
    return actions
  },
  tools(_editor, tools) {
    delete tools.frame
    return tools
  },
}
