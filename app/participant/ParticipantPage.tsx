import { Link } from '@remix-run/react'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { MessageKey } from '~/i18n'
import { sessionPhases } from '../../db/phases'
import type { Role } from '../../db/roles'
import { LanguageSwitch } from '~/components/PageHeader'
import { useT } from '~/i18n/use-t'
import { useLiveSessionState, type LiveConnection } from '~/sessions/live-state'
import type { SessionState } from '~/sessions/session-state'
import { TimerDisplay } from '~/sessions/TimerDisplay'
import { useVote, type VoteControls } from '~/votes/use-vote'
import type { VoteView } from '~/votes/vote-types'
import { PhotoButton } from './PhotoButton'
import { useIdeas, type Notice, type OwnIdea } from './use-ideas'

/** As the contributions API allows (app/facilitation/validation.ts). */
const MAX_IDEA = 200

export interface ParticipantPageProps {
  session: { id: string; title: string }
  you: { name: string; role: Role }
  state: SessionState
  contributions: OwnIdea[]
  /** for the idea form without script (a plain post): its key, what the last post came to */
  clientKey: string
  done: MessageKey | null
  formErrors: Record<string, string> | null
}

/**
 * The phone page: one column, large type, the step and its question at the top, one big field
 * for an idea, then the vote while one runs and one's own ideas. Kept free of tldraw and Yjs
 * (the page's JavaScript budget is 150 KB).
 */
export function ParticipantPage({
  session,
  you,
  state,
  contributions,
  clientKey,
  done,
  formErrors,
}: ParticipantPageProps) {
  const { t } = useT()
  const live = useLiveSessionState(session.id, state)
  const current = live.state
  const ideas = useIdeas(session.id, contributions, live.connection === 'live')
  const vote = useVote(session.id, current.vote)
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  // A reveal moves private notes to the main canvas; a new step or vote may change what is shown.
  const { refresh } = ideas
  const privateBefore = useRef(current.privateMode)
  useEffect(() => {
    if (privateBefore.current === current.privateMode) return
    privateBefore.current = current.privateMode
    void refresh()
  }, [refresh, current.privateMode])

  const step = sessionPhases.indexOf(current.phase) + 1
  const readOnly = current.closed && you.role !== 'facilitator'
  return (
    <div className="participant" data-ready={hydrated ? 'true' : undefined}>
      <header className="participant-bar">
        <p className="participant-session">{session.title}</p>
        <LanguageSwitch />
        <p className="participant-you">
          <span>{t('participant.you', { name: you.name })}</span>
          <ConnectionBadge connection={live.connection} />
        </p>
      </header>
      <main id="inhoud" className="participant-main">
        {live.removed ? (
          <p className="participant-notice error" role="alert">
            {t('participant.removed')}
          </p>
        ) : null}
        <section className="participant-step" aria-labelledby="step-heading">
          <h1 id="step-heading" data-testid="phase-label">
            <span className="participant-step-count">
              {t('participant.step', {
                n: step,
                count: sessionPhases.length,
                name: t(`phase.${current.phase}`),
              })}
            </span>
          </h1>
          <p className="participant-question" data-testid="phase-instruction">
            {t(`phase.${current.phase}.instruction`)}
          </p>
          {current.timer.status === 'idle' ? null : (
            <TimerDisplay timer={current.timer} offsetMs={live.offsetMs} muted className="participant-timer" />
          )}
        </section>
        {current.privateMode && you.role !== 'facilitator' ? (
          <p className="participant-notice private" data-testid="private-notice">
            {t('participant.private')}
          </p>
        ) : null}
        {current.closed ? <p className="participant-notice">{t('participant.closed')}</p> : null}
        <Announcer notice={ideas.notice ?? (done ? { key: done, tone: 'ok' } : null)} />
        {readOnly || live.removed ? null : (
          <IdeaForm
            clientKey={clientKey}
            serverError={formErrors?.text ?? formErrors?._form ?? null}
            onSend={ideas.send}
            pending={ideas.pending.length}
            waiting={live.connection !== 'live' && ideas.pending.length > 0}
          />
        )}
        {current.vote ? <VoteList vote={vote} /> : <VoteResults sessionId={session.id} vote={vote} />}
        <OwnIdeas
          sessionId={session.id}
          ideas={ideas}
          readOnly={readOnly || live.removed}
          photos={current.mediaAllowed}
        />
        <p className="participant-board-link">
          <Link to={`/sessies/${session.id}`}>{t('participant.board')}</Link>
        </p>
      </main>
    </div>
  )
}

function ConnectionBadge({ connection }: { connection: LiveConnection }) {
  const { t } = useT()
  const text =
    connection === 'live'
      ? t('participant.live')
      : connection === 'connecting'
        ? t('participant.connecting')
        : t('participant.reconnecting')
  return (
    <span className={`participant-connection ${connection}`} data-testid="connection" data-state={connection}>
      {text}
    </span>
  )
}

/** One live region for everything that happened (sent, kept, changed, refused). */
function Announcer({ notice }: { notice: Notice | null }) {
  const { t } = useT()
  const text = notice === null ? '' : 'key' in notice ? t(notice.key) : notice.text
  return (
    <p
      className={`participant-status ${notice?.tone ?? ''}`}
      role="status"
      aria-live="polite"
      data-testid="participant-status"
    >
      {text}
    </p>
  )
}

function IdeaForm({
  clientKey,
  serverError,
  onSend,
  pending,
  waiting,
}: {
  clientKey: string
  serverError: string | null
  onSend: (text: string) => Promise<void>
  pending: number
  waiting: boolean
}) {
  const { t, tx } = useT()
  const [text, setText] = useState('')
  // A refusal of a post without script comes back as a message key.
  const [error, setError] = useState<string | null>(tx(serverError ?? undefined) ?? null)
  const field = useRef<HTMLTextAreaElement>(null)
  const id = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const idea = text.trim()
    if (!idea) {
      setError(t('contribution.error.text'))
      field.current?.focus()
      return
    }
    setError(null)
    setText('')
    // In the outbox from here on: sent now, or as soon as the connection is back.
    void onSend(idea)
  }
  return (
    <section className="participant-idea" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('participant.idea.heading')}</h2>
      {/* Without the script (still loading, or none) it is a plain post to this page. */}
      <form method="post" onSubmit={submit} noValidate>
        <input type="hidden" name="clientKey" value={clientKey} />
        <label htmlFor={`${id}-text`}>{t('participant.idea.label')}</label>
        <span className="hint" id={`${id}-hint`}>
          {t('participant.idea.hint')} {t('participant.idea.left', { n: MAX_IDEA - text.length })}
        </span>
        <textarea
          ref={field}
          id={`${id}-text`}
          name="text"
          rows={3}
          maxLength={MAX_IDEA}
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            if (error) setError(null)
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        />
        {error ? (
          <span className="error" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <button type="submit" className="participant-send">
          {t('participant.idea.send')}
        </button>
        {pending > 0 ? (
          <p className="participant-pending" data-testid="pending">
            {waiting ? `${t('participant.idea.waiting')} · ` : ''}
            {t('participant.idea.pending', { n: pending })}
          </p>
        ) : null}
      </form>
    </section>
  )
}

function VoteList({ vote }: { vote: VoteControls }) {
  const { t } = useT()
  const view = vote.view
  if (!view) return null
  const mineOf = (shapeId: string) => view.myBallots.find((b) => b.shapeId === shapeId)?.count ?? 0
  return (
    <section className="participant-vote" aria-labelledby="vote-heading" data-testid="phone-vote">
      <h2 id="vote-heading">{t('participant.vote.heading')}</h2>
      <p>{t('participant.vote.instruction')}</p>
      <p className="participant-votes-left" data-testid="votes-left">
        {t('participant.vote.left', { left: view.votesLeft, n: view.vote.votesPerPerson })}
      </p>
      {vote.error ? (
        <p className="participant-notice error" role="alert" data-testid="vote-error">
          {vote.error}
        </p>
      ) : null}
      {view.notes.length === 0 ? <p>{t('participant.vote.none')}</p> : null}
      <ul className="participant-vote-list">
        {view.notes.map((note) => {
          const mine = mineOf(note.shapeId)
          return (
            <li key={note.shapeId} data-shape-id={note.shapeId}>
              <button
                type="button"
                className="participant-vote-note"
                aria-pressed={mine > 0}
                aria-describedby={`votes-${note.shapeId}`}
                disabled={vote.busy}
                onClick={() => vote.cast(note.shapeId)}
              >
                <span className="participant-vote-text">{note.text}</span>
                <span className="participant-vote-action">{t('participant.vote.add')}</span>
              </button>
              <span className="participant-vote-mine" id={`votes-${note.shapeId}`}>
                <span aria-hidden="true">{'●'.repeat(mine)}</span> {t('participant.vote.mine', { n: mine })}
              </span>
              {mine > 0 ? (
                <button
                  type="button"
                  className="participant-secondary"
                  disabled={vote.busy}
                  onClick={() => vote.takeBack(note.shapeId)}
                >
                  {t('participant.vote.takeBack')}
                  <span className="visually-hidden">: {note.text}</span>
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** After a vote: its ranking, highest first, with the texts of the notes as they are now. */
function VoteResults({ sessionId, vote }: { sessionId: string; vote: VoteControls }) {
  const { t } = useT()
  const [texts, setTexts] = useState<Map<string, string>>(new Map())
  const voteId = vote.ended?.voteId
  useEffect(() => {
    if (!voteId) return
    let stale = false
    void fetch(`/api/v1/sessions/${encodeURIComponent(sessionId)}/votes/${encodeURIComponent(voteId)}`, {
      headers: { Accept: 'application/json' },
    })
      .then((res) => (res.ok ? (res.json() as Promise<VoteView>) : null))
      .then((view) => {
        if (!stale && view) setTexts(new Map(view.notes.map((n) => [n.shapeId, n.text])))
      })
      .catch(() => undefined)
    return () => {
      stale = true
    }
  }, [sessionId, voteId])
  const results = vote.ended?.results.filter((r) => r.count > 0 && texts.has(r.shapeId))
  if (!results?.length) return null
  return (
    <section className="participant-vote" aria-labelledby="results-heading" data-testid="phone-results">
      <h2 id="results-heading">{t('participant.vote.results')}</h2>
      <ol className="participant-results">
        {results.map((r) => (
          <li key={r.shapeId} data-shape-id={r.shapeId}>
            <span>{texts.get(r.shapeId)}</span>{' '}
            <strong>{r.count === 1 ? t('vote.results.one') : t('vote.results.count', { count: r.count })}</strong>
          </li>
        ))}
      </ol>
    </section>
  )
}

function OwnIdeas({
  sessionId,
  ideas,
  readOnly,
  photos,
}: {
  sessionId: string
  ideas: ReturnType<typeof useIdeas>
  readOnly: boolean
  photos: boolean
}) {
  const { t } = useT()
  return (
    <section className="participant-mine" aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('participant.mine.heading')}</h2>
      {ideas.mine.length === 0 ? <p>{t('participant.mine.none')}</p> : null}
      <ul className="participant-mine-list" data-testid="own-ideas">
        {ideas.mine.map((idea) => (
          <OwnIdeaItem
            key={idea.shapeId}
            sessionId={sessionId}
            idea={idea}
            ideas={ideas}
            readOnly={readOnly}
            photos={photos}
          />
        ))}
      </ul>
    </section>
  )
}

function OwnIdeaItem({
  sessionId,
  idea,
  ideas,
  readOnly,
  photos,
}: {
  sessionId: string
  idea: OwnIdea
  ideas: ReturnType<typeof useIdeas>
  readOnly: boolean
  photos: boolean
}) {
  const { t } = useT()
  const [mode, setMode] = useState<'show' | 'edit' | 'confirm'>('show')
  const [text, setText] = useState(idea.text)
  const id = useId()
  if (mode === 'edit') {
    return (
      <li className="participant-mine-item">
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void ideas.edit(idea.shapeId, text.trim()).then((ok) => ok && setMode('show'))
          }}
        >
          <label htmlFor={`${id}-edit`}>{t('participant.mine.editLabel')}</label>
          <textarea
            id={`${id}-edit`}
            rows={3}
            maxLength={MAX_IDEA}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="participant-actions">
            <button type="submit" className="participant-primary">
              {t('participant.mine.save')}
            </button>
            <button
              type="button"
              className="participant-secondary"
              onClick={() => {
                setText(idea.text)
                setMode('show')
              }}
            >
              {t('participant.mine.cancel')}
            </button>
          </div>
        </form>
      </li>
    )
  }
  return (
    <li className="participant-mine-item" data-shape-id={idea.shapeId}>
      <p className="participant-mine-text">{idea.text}</p>
      <p className="participant-mine-meta">
        {t(`phase.${idea.phase}`)}
        {idea.private ? ` · ${t('participant.mine.private')}` : ''}
      </p>
      {readOnly ? null : mode === 'confirm' ? (
        <div className="participant-actions" role="group" aria-label={t('participant.mine.confirmDelete')}>
          <p>{t('participant.mine.confirmDelete')}</p>
          <button type="button" className="participant-danger" onClick={() => void ideas.remove(idea.shapeId)}>
            {t('participant.mine.confirmYes')}
          </button>
          <button type="button" className="participant-secondary" onClick={() => setMode('show')}>
            {t('participant.mine.keep')}
          </button>
        </div>
      ) : (
        <div className="participant-actions">
          <button type="button" className="participant-secondary" onClick={() => setMode('edit')}>
            {t('participant.mine.edit')}
            <span className="visually-hidden">: {idea.text}</span>
          </button>
          <button type="button" className="participant-secondary" onClick={() => setMode('confirm')}>
            {t('participant.mine.delete')}
            <span className="visually-hidden">: {idea.text}</span>
          </button>
          {/* only while the facilitator allows photos; the server checks that too */}
          {photos ? <PhotoButton sessionId={sessionId} noteShapeId={idea.shapeId} /> : null}
        </div>
      )}
    </li>
  )
}
