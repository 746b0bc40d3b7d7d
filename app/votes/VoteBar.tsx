import { useEffect, useState } from 'react'
import './votes.css'
import type { Editor, TLShape } from 'tldraw'
import { translate } from '~/i18n'
import { useT } from '~/i18n/use-t'
import type { SessionState } from '~/sessions/session-state'
import type { VoteControls } from './use-vote'
import { MAX_VOTES_PER_PERSON } from './validation'
import { noteText } from './vote-notes'

interface VoteBarProps {
  controls: VoteControls
  vote: SessionState['vote']
  isFacilitator: boolean
  /** a participant of a closed session only looks */
  readOnly: boolean
  editor: Editor | null
}

/**
 * The vote's part of the session bar: a facilitator starts a vote on the selected frame or the
 * whole canvas and ends it; everyone sees how many votes they have left while it runs, and the
 * ranked list after the end.
 */
export function VoteBar({ controls, vote, isFacilitator, readOnly, editor }: VoteBarProps) {
  const { t, locale } = useT()
  const [votesPerPerson, setVotesPerPerson] = useState(3)
  const frame = useEditorValue(editor, () => {
    const shape = editor?.getOnlySelectedShape()
    if (shape?.type !== 'frame') return null
    const name = (shape.props as { name?: string }).name?.trim()
    return { id: shape.id, name: name || t('vote.start.frameUnnamed') }
  }, [editor, t])
  const [scope, setScope] = useState<'frame' | 'all'>('frame')
  const view = controls.view && !controls.view.vote.endedAt ? controls.view : null
  const texts = useEditorValue(
    editor,
    () =>
      new Map(
        (controls.ended?.results ?? []).map((r) => {
          const shape = editor?.getShape(r.shapeId as TLShape['id'])
          return [
            r.shapeId,
            shape?.type === 'note' ? noteText(shape.props as unknown as Record<string, unknown>) : null,
          ]
        }),
      ),
    [editor, controls.ended],
  )

  return (
    <div className="vote-bar" data-testid="vote-bar">
      {vote && view ? (
        <>
          <p className="vote-status" role="status" data-testid="vote-status">
            {isFacilitator
              ? t('vote.running.facilitator', { n: vote.votesPerPerson, ballots: vote.ballots ?? 0 })
              : null}{' '}
            {readOnly ? null : (
              <>
                <strong data-testid="votes-left">
                  {t('vote.running.left', { left: view.votesLeft, n: view.vote.votesPerPerson })}
                </strong>{' '}
                {view.votesLeft > 0 ? t('vote.running.instruction') : t('vote.running.noneLeft')}
              </>
            )}
          </p>
          {isFacilitator ? (
            <button type="button" className="tool-button" onClick={controls.end} disabled={controls.busy}>
              {t('vote.end')}
            </button>
          ) : null}
        </>
      ) : isFacilitator && !vote && !readOnly ? (
        <form
          className="inline-field vote-start"
          onSubmit={(e) => {
            e.preventDefault()
            controls.start(votesPerPerson, scope === 'frame' && frame ? frame.id : null)
          }}
        >
          <label>
            <span>{t('vote.start.votes')}</span>
            <input
              type="number"
              min={1}
              max={MAX_VOTES_PER_PERSON}
              value={votesPerPerson}
              onChange={(e) => setVotesPerPerson(Number(e.target.value))}
              className="minutes-input"
              data-testid="votes-per-person"
            />
          </label>
          <label>
            <span>{t('vote.start.scope')}</span>
            <select
              value={frame ? scope : 'all'}
              onChange={(e) => setScope(e.target.value as 'frame' | 'all')}
              data-testid="vote-scope"
            >
              {frame ? <option value="frame">{t('vote.start.scopeFrame', { name: frame.name })}</option> : null}
              <option value="all">{t('vote.start.scopeAll')}</option>
            </select>
          </label>
          <button type="submit" className="tool-button" disabled={controls.busy}>
            {t('vote.start')}
          </button>
          {frame ? null : <span className="vote-hint">{t('vote.start.frameHint')}</span>}
        </form>
      ) : null}
      {!vote && controls.ended ? (
        <details className="vote-results" open data-testid="vote-results">
          <summary>{t('vote.results')}</summary>
          {controls.ended.results.length === 0 ? (
            <p>{t('vote.results.none')}</p>
          ) : (
            <ol>
              {controls.ended.results.map((r) => {
                const text = texts.get(r.shapeId)
                return (
                  <li key={r.shapeId} data-shape-id={r.shapeId}>
                    <span className="vote-result-text">
                      {text === null || text === undefined
                        ? t('vote.results.gone')
                        : text.replace(/\s+/g, ' ') || t('vote.note.empty')}
                    </span>{' '}
                    <strong>
                      {r.count === 1 ? t('vote.results.one') : t('vote.results.count', { count: r.count })}
                    </strong>
                  </li>
                )
              })}
            </ol>
          )}
        </details>
      ) : null}
      {controls.error !== null ? (
        <p className="toolbar-note error" role="alert">
          {t('vote.failed', { reason: translate(locale, controls.error) })}
        </p>
      ) : null}
    </div>
  )
}

/**
 * A value computed from the editor, recomputed on every store change (selection included). The
 * bar is rendered on the server too, where tldraw's runtime is not loaded, so no `useValue`.
 */
function useEditorValue<T>(editor: Editor | null, compute: () => T, deps: unknown[]): T {
  const [value, setValue] = useState(compute)
  useEffect(() => {
    setValue(compute)
    if (!editor) return
    return editor.store.listen(() => setValue(compute))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return value
}
