import { useCallback, useEffect, useId, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import type { SessionPhase } from '../../db/phases'
import { translate } from '~/i18n'
import { useT } from '~/i18n/use-t'
import './canvas-tools.css'
import { templatesOfPhase } from './templates'

// No value imports from tldraw: the session page is rendered on the server too.

interface SavedTemplate {
  id: string
  name: string
  phase: SessionPhase | null
}

async function send(path: string, body?: unknown) {
  const init: RequestInit =
    body === undefined
      ? { headers: { Accept: 'application/json' } }
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
  const res = await fetch(path, init)
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>
  return { ok: res.ok, json }
}

/** The first field message of an API error, else its message. */
function errorText(json: Record<string, unknown>): string | undefined {
  const errors = json.errors as Record<string, string> | undefined
  return (errors && Object.values(errors)[0]) ?? (typeof json.message === 'string' ? json.message : undefined)
}

/** Shows a shape the server just wrote once it has reached this canvas (it comes through the room). */
function showWhenPresent(editor: Editor | null, id: string, how: 'zoom' | 'center') {
  if (!editor) return
  const show = () => {
    const bounds = editor.getShapePageBounds(id as TLShapeId)
    if (!bounds) return false
    // A whole frame is zoomed to; a note is only brought into view, keeping the zoom.
    if (how === 'zoom') editor.zoomToBounds(bounds, { inset: 48, animation: { duration: 250 } })
    else editor.centerOnPoint(bounds.center, { animation: { duration: 250 } })
    return true
  }
  if (show()) return
  const stop = editor.store.listen(() => {
    if (show()) stop()
  })
  // A write that never arrives (the canvas went offline) stops waiting after a while.
  setTimeout(stop, 15_000)
}

/**
 * A facilitator's template tools in the session bar: the current step's built-in templates and
 * her saved ones, placed as the step's frame; and keeping the selected frame as a template.
 */
export function TemplateTools({
  sessionId,
  phase,
  editor,
}: {
  sessionId: string
  phase: SessionPhase
  editor: Editor | null
}) {
  const { t, locale } = useT()
  const selectId = useId()
  const builtIn = templatesOfPhase(phase)
  const [saved, setSaved] = useState<SavedTemplate[]>([])
  const [choice, setChoice] = useState<string>(builtIn[0].id)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [saving, setSaving] = useState<{ frameId: string; name: string } | null>(null)

  const loadSaved = useCallback(async () => {
    const { ok, json } = await send(`/api/v1/sessions/${sessionId}/templates`)
    if (ok) setSaved(json.saved as SavedTemplate[])
  }, [sessionId])
  useEffect(() => {
    void loadSaved()
  }, [loadSaved])
  // A new step offers its own templates.
  useEffect(() => setChoice(templatesOfPhase(phase)[0].id), [phase])

  async function place() {
    setBusy(true)
    setStatus(null)
    const { ok, json } = await send(`/api/v1/sessions/${sessionId}/frames`, { template: choice })
    setBusy(false)
    if (!ok) return setStatus(translate(locale, errorText(json) ?? 'contribution.failed'))
    setStatus(t('templates.picker.placed'))
    showWhenPresent(editor, json.frameId as string, 'zoom')
  }

  function startSaving() {
    const shape = editor?.getOnlySelectedShape()
    if (!shape || shape.type !== 'frame') return setStatus(t('templates.save.selectFrame'))
    setStatus(null)
    setSaving({ frameId: shape.id, name: (shape.props as { name?: string }).name?.trim() ?? '' })
  }

  async function save() {
    if (!saving) return
    const { ok, json } = await send(`/api/v1/sessions/${sessionId}/templates`, saving)
    if (!ok) return setStatus(translate(locale, errorText(json) ?? 'contribution.failed'))
    setStatus(t('templates.save.saved', { name: String(json.name) }))
    setSaving(null)
    void loadSaved()
  }

  return (
    <div className="inline-field template-tools" role="group" aria-label={t('templates.picker.label')}>
      <label htmlFor={selectId}>{t('templates.picker.choose')}</label>
      <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <optgroup label={t('templates.picker.builtIn')}>
          {builtIn.map((template) => (
            <option key={template.id} value={template.id}>
              {t(template.title)}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 ? (
          <optgroup label={t('templates.picker.saved')}>
            {saved.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      <button type="button" className="tool-button" disabled={busy} onClick={() => void place()}>
        {busy ? t('templates.picker.placing') : t('templates.picker.place')}
      </button>
      {saving ? (
        <form
          className="inline-field"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <label>
            <span>{t('templates.save.name')}</span>
            <input
              value={saving.name}
              maxLength={80}
              required
              onChange={(e) => setSaving({ ...saving, name: e.target.value })}
            />
          </label>
          <button type="submit" className="tool-button">
            {t('templates.save.submit')}
          </button>
          <button type="button" className="tool-button quiet" onClick={() => setSaving(null)}>
            {t('templates.save.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="tool-button quiet" onClick={startSaving}>
          {t('templates.save.button')}
        </button>
      )}
      {status ? (
        <span role="status" className="tool-status">
          {status}
        </span>
      ) : null}
    </div>
  )
}

/**
 * "Add an idea": a note from anyone in the session, placed by the server at a free spot in the
 * current step's frame, so notes never pile up where each person happened to be looking.
 */
export function AddIdea({ sessionId, editor }: { sessionId: string; editor: Editor | null }) {
  const { t, locale } = useT()
  const inputId = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<string | null>(null)

  async function submit() {
    setBusy(true)
    setStatus(null)
    // A narrow screen is a phone; the summary counts notes per source.
    const source = window.matchMedia('(max-width: 700px)').matches ? 'phone' : 'canvas'
    const { ok, json } = await send(`/api/v1/sessions/${sessionId}/contributions`, { text, source })
    setBusy(false)
    if (!ok) return setStatus(translate(locale, errorText(json) ?? 'contribution.failed'))
    setText('')
    setStatus(json.private ? t('contribution.addedPrivate') : t('contribution.added'))
    // In private mode the canvas shows the sender's own room, where the note is.
    showWhenPresent(editor, json.shapeId as string, 'center')
  }

  return (
    <form
      className="inline-field add-idea"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label htmlFor={inputId}>{t('contribution.label')}</label>
      <input
        id={inputId}
        value={text}
        maxLength={200}
        required
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      <span id={`${inputId}-hint`} className="visually-hidden">
        {t('contribution.hint')}
      </span>
      <button type="submit" className="tool-button" disabled={busy}>
        {busy ? t('contribution.sending') : t('contribution.submit')}
      </button>
      {status ? (
        <span role="status" className="tool-status">
          {status}
        </span>
      ) : null}
    </form>
  )
}
