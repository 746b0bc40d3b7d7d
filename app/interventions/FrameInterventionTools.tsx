import { Link } from '@remix-run/react'
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { apiErrors, blobToBase64, frameLink, questionOrEmpty, startDefaults, type FrameLink } from './frame-tools'
import './frame-intervention-tools.css'

// No value imports from tldraw: the session page is rendered on the server too.

/** How the images of a version are made (issue 10, item 3): the frame on its background, a margin round it. */
const PADDING = 16

interface SelectedFrame extends FrameLink {
  id: string
  name: string
}

const sameFrame = (a: SelectedFrame | null, b: SelectedFrame | null) =>
  a === b ||
  (!!a &&
    !!b &&
    a.id === b.id &&
    a.name === b.name &&
    a.interventionId === b.interventionId &&
    a.restoredFrom === b.restoredFrom)

/** The one selected shape when it is a frame, with its link to an intervention; kept across unrelated changes. */
function useSelectedFrame(editor: Editor | null): SelectedFrame | null {
  const [frame, setFrame] = useState<SelectedFrame | null>(null)
  useEffect(() => {
    const read = () => {
      const shape = editor?.getOnlySelectedShape()
      const next =
        shape?.type === 'frame'
          ? { id: shape.id, name: String((shape.props as { name?: unknown }).name ?? ''), ...frameLink(shape.meta) }
          : null
      setFrame((prev) => (sameFrame(prev, next) ? prev : next))
    }
    read()
    return editor?.store.listen(read)
  }, [editor])
  return frame
}

async function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: res.status, json: await res.json().catch(() => null) }
  } catch {
    // Offline, or the connection dropped: apiErrors gives the general message.
    return { status: 0, json: null }
  }
}

type Open =
  | { kind: 'start'; frameId: string; title: string; question: string }
  | { kind: 'save'; frameId: string; interventionId: string; reason: string; name: string }

type Done = { kind: 'started' | 'saved'; interventionId: string; number?: number }

const interventionPath = (id: string) => `/interventies/${encodeURIComponent(id)}`

/**
 * A facilitator's intervention tools in the session bar, for the one selected frame: "Start
 * interventie" makes it the prototype of a new intervention; once the server has linked it
 * (`meta.interventionId`, mirrored into the frame), "Bewaar als versie" saves it as the next
 * version, with images and content made here and checked by the server against the room.
 */
export function FrameInterventionTools({
  sessionId,
  wijkCode,
  editor,
}: {
  sessionId: string
  wijkCode: string | null
  editor: Editor | null
}) {
  const { t, locale } = useT()
  const frame = useSelectedFrame(editor)
  const [open, setOpen] = useState<Open | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<MessageKey | null>(null)
  const [done, setDone] = useState<Done | null>(null)
  // Frames started here, until the server's link reaches this canvas through the room.
  const [started, setStarted] = useState<Record<string, string>>({})
  const opener = useRef<HTMLButtonElement>(null)
  const [refocus, setRefocus] = useState(0)
  useEffect(() => {
    if (refocus > 0) opener.current?.focus()
  }, [refocus])

  const linkedId = frame ? (frame.interventionId ?? started[frame.id] ?? null) : null

  function close() {
    setOpen(null)
    setErrors({})
    setBusy(null)
    setRefocus((n) => n + 1)
  }

  function openStart() {
    if (!frame) return
    setDone(null)
    setErrors({})
    setOpen({ kind: 'start', frameId: frame.id, ...startDefaults(frame.name, locale) })
  }

  function openSave() {
    if (!frame || !linkedId) return
    setDone(null)
    setErrors({})
    setOpen({ kind: 'save', frameId: frame.id, interventionId: linkedId, reason: '', name: '' })
  }

  async function start(form: Extract<Open, { kind: 'start' }>) {
    const title = form.title.trim()
    const question = questionOrEmpty(form.question, locale)
    const missing: Record<string, string> = {}
    if (!title) missing.title = t('intervention-canvas.error.titleRequired')
    if (!question) missing.question = t('intervention-canvas.error.questionRequired')
    if (Object.keys(missing).length > 0) return setErrors(missing)
    setErrors({})
    setBusy('intervention-canvas.start.busy')
    const { status, json } = await post('/api/v1/interventions', {
      title,
      question,
      wijkCodes: wijkCode ? [wijkCode] : [],
      sessionId,
      frameId: form.frameId,
    })
    const id = (json as { id?: unknown } | null)?.id
    if (status !== 201 || typeof id !== 'string') {
      setBusy(null)
      return setErrors(apiErrors(json, locale))
    }
    setStarted((prev) => ({ ...prev, [form.frameId]: id }))
    setDone({ kind: 'started', interventionId: id })
    close()
  }

  async function save(form: Extract<Open, { kind: 'save' }>) {
    const reason = form.reason.trim()
    const name = form.name.trim()
    if (!reason) return setErrors({ reason: t('intervention-canvas.error.reasonRequired') })
    if (!editor) return setErrors({ _form: t('intervention-canvas.error.noFrame') })
    setErrors({})
    setBusy('intervention-canvas.save.images')
    const ids = [form.frameId as TLShapeId]
    let made: { content: unknown; svg: string; png: string }
    try {
      // The content first: it is what the images show, read at the moment of saving.
      const content = editor.getContentFromCurrentPage(ids)
      if (!content) throw new Error('the frame is gone')
      const svg = await editor.getSvgString(ids, { background: true, padding: PADDING })
      if (!svg) throw new Error('no svg')
      const png = await editor.toImage(ids, { format: 'png', background: true, scale: 1, padding: PADDING })
      made = { content, svg: svg.svg, png: await blobToBase64(png.blob) }
    } catch {
      setBusy(null)
      return setErrors({ _form: t('intervention-canvas.error.images') })
    }
    setBusy('intervention-canvas.save.sending')
    const { status, json } = await post(`/api/v1/interventions/${encodeURIComponent(form.interventionId)}/versions`, {
      sessionId,
      frameId: form.frameId,
      reason,
      ...(name ? { name } : {}),
      ...made,
    })
    const number = (json as { number?: unknown } | null)?.number
    if (status !== 201 || typeof number !== 'number') {
      setBusy(null)
      return setErrors(apiErrors(json, locale))
    }
    setDone({ kind: 'saved', interventionId: form.interventionId, number })
    close()
  }

  if (!frame && !done && !open) return null
  return (
    <div className="inline-field frame-intervention-tools" role="group" aria-label={t('intervention-canvas.label')}>
      {frame && !linkedId ? (
        <button ref={opener} type="button" className="tool-button quiet" onClick={openStart}>
          {t('intervention-canvas.start')}
        </button>
      ) : null}
      {frame && linkedId ? (
        <>
          <button ref={opener} type="button" className="tool-button quiet" onClick={openSave}>
            {t('intervention-canvas.save')}
          </button>
          {frame.restoredFrom !== null ? (
            <span className="tool-status">{t('intervention-canvas.restoredFrom', { number: frame.restoredFrom })}</span>
          ) : null}
          {done?.interventionId !== linkedId ? (
            <Link to={interventionPath(linkedId)}>{t('intervention-canvas.open')}</Link>
          ) : null}
        </>
      ) : null}
      <span role="status" className="tool-status">
        {done ? (
          <>
            {done.kind === 'saved'
              ? t('intervention-canvas.saved', { number: done.number ?? '' })
              : t('intervention-canvas.started')}{' '}
            <Link to={interventionPath(done.interventionId)}>{t('intervention-canvas.open')}</Link>
          </>
        ) : null}
      </span>
      {open?.kind === 'start' ? (
        <ToolDialog
          title={t('intervention-canvas.start.title')}
          intro={t('intervention-canvas.start.intro')}
          submit={t('intervention-canvas.start.submit')}
          busy={busy ? t(busy) : null}
          errors={errors}
          fields={['title', 'question']}
          onSubmit={() => void start(open)}
          onClose={close}
        >
          {(first) => (
            <>
              <Field
                name="title"
                label={t('intervention-canvas.field.title')}
                error={errors.title}
                inputRef={first}
                value={open.title}
                onChange={(title) => setOpen({ ...open, title })}
              />
              <Field
                name="question"
                label={t('intervention-canvas.field.question')}
                hint={t('intervention-canvas.field.question.hint')}
                error={errors.question}
                multiline
                value={open.question}
                onChange={(question) => setOpen({ ...open, question })}
              />
            </>
          )}
        </ToolDialog>
      ) : null}
      {open?.kind === 'save' ? (
        <ToolDialog
          title={t('intervention-canvas.save.title')}
          intro={t('intervention-canvas.save.intro')}
          submit={t('intervention-canvas.save.submit')}
          busy={busy ? t(busy) : null}
          errors={errors}
          fields={['reason', 'name']}
          onSubmit={() => void save(open)}
          onClose={close}
        >
          {(first) => (
            <>
              <Field
                name="reason"
                label={t('intervention-canvas.field.reason')}
                hint={t('intervention-canvas.field.reason.hint')}
                error={errors.reason}
                required
                multiline
                inputRef={first}
                value={open.reason}
                onChange={(reason) => setOpen({ ...open, reason })}
              />
              <Field
                name="name"
                label={t('intervention-canvas.field.name')}
                error={errors.name}
                value={open.name}
                onChange={(name) => setOpen({ ...open, name })}
              />
            </>
          )}
        </ToolDialog>
      ) : null}
    </div>
  )
}

/**
 * A modal dialog (the browser's own `<dialog>` opened with showModal: the rest of the page is
 * inert and focus stays inside). Focus goes to its first field; Escape and "Annuleren" close it;
 * the tools return focus to the button that opened it. Messages for fields it does not show
 * (the frame, the content, the images, the whole request) are listed above the fields.
 */
function ToolDialog({
  title,
  intro,
  submit,
  busy,
  errors,
  fields,
  onSubmit,
  onClose,
  children,
}: {
  title: string
  intro: string
  submit: string
  busy: string | null
  errors: Record<string, string>
  fields: string[]
  onSubmit: () => void
  onClose: () => void
  children: (first: RefObject<HTMLInputElement & HTMLTextAreaElement>) => ReactNode
}) {
  const { t } = useT()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const summary = useRef<HTMLDivElement>(null)
  const other = Object.entries(errors).filter(([field]) => !fields.includes(field))

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (!el.open) {
      if (typeof el.showModal === 'function') el.showModal()
      else el.setAttribute('open', '')
    }
    first.current?.focus()
    return () => {
      if (el.open && typeof el.close === 'function') el.close()
    }
  }, [])

  // After a refusal, focus goes to the first field it names, else to the list of messages.
  const errorKey = Object.keys(errors).join(',')
  const fieldKey = fields.join(',')
  useEffect(() => {
    if (!errorKey) return
    const field = fieldKey.split(',').find((f) => errorKey.split(',').includes(f))
    const target = field ? dialog.current?.querySelector<HTMLElement>(`[name="${field}"]`) : summary.current
    target?.focus()
  }, [errorKey, fieldKey])

  return (
    <dialog
      ref={dialog}
      className="intervention-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onKeyDown={(e) => {
        // Handled here so the canvas behind never takes it as its own Escape.
        if (e.key === 'Escape') {
          e.preventDefault()
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <form
        noValidate
        aria-busy={busy !== null}
        onSubmit={(e) => {
          e.preventDefault()
          if (busy === null) onSubmit()
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-intro`} className="hint intervention-dialog__intro">
          {intro}
        </p>
        <div ref={summary} tabIndex={-1} role="alert" className={other.length > 0 ? 'form-error' : undefined}>
          {other.length > 0 ? (
            <>
              <p>{t('intervention-canvas.errors')}</p>
              <ul>
                {other.map(([field, text]) => (
                  <li key={field}>{text}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        {children(first)}
        <div className="intervention-dialog__actions">
          <button type="submit" className="tool-button" disabled={busy !== null}>
            {busy ?? submit}
          </button>
          <button type="button" className="tool-button quiet" onClick={onClose}>
            {t('intervention-canvas.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

function Field({
  name,
  label,
  hint,
  error,
  required,
  multiline,
  inputRef,
  value,
  onChange,
}: {
  name: string
  label: string
  hint?: string
  error?: string
  required?: boolean
  multiline?: boolean
  inputRef?: RefObject<HTMLInputElement & HTMLTextAreaElement>
  value: string
  onChange: (value: string) => void
}) {
  const id = useId()
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name,
    ref: inputRef,
    value,
    required,
    'aria-required': required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      ) : null}
    </div>
  )
}
