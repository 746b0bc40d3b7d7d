import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'
import type { SessionState } from '~/sessions/session-state'
import type { RankedResult, VoteView } from './vote-types'

/** The last ended vote's ranked results, for the list beside the canvas. */
export interface EndedVote {
  voteId: string
  results: RankedResult[]
}

export interface VoteControls {
  /** the running vote as this person sees it (own dots only), or null */
  view: VoteView | null
  ended: EndedVote | null
  error: string | null
  busy: boolean
  cast(shapeId: string): void
  takeBack(shapeId: string): void
  start(votesPerPerson: number, frameId: string | null): void
  end(): void
  clearError(): void
}

/** What the canvas overlay reads (app/votes/VoteOverlay.tsx); null outside a session page. */
export const VoteContext = createContext<VoteControls | null>(null)
export const useVoteControls = () => useContext(VoteContext)

async function api(path: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown) {
  // Every API request with a body is JSON (server/body-limits.ts), a take-back's `{}` included.
  const init: RequestInit =
    method === 'GET'
      ? { headers: { Accept: 'application/json' } }
      : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) }
  const res = await fetch(path, init)
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>
  return { ok: res.ok, json }
}

/**
 * A person's side of the dot vote. The running vote comes from the live session state; this
 * person's own dots are fetched again whenever the number of dots placed changes (another tab of
 * theirs may have placed one), and the results when the vote ends.
 */
export function useVote(sessionId: string, vote: SessionState['vote']): VoteControls {
  const base = `/api/v1/sessions/${encodeURIComponent(sessionId)}/votes`
  const [view, setView] = useState<VoteView | null>(null)
  const [ended, setEnded] = useState<EndedVote | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const lastVoteId = useRef<string | null>(null)

  const refuse = (json: Record<string, unknown>) => setError(typeof json.message === 'string' ? json.message : '')

  const showEnded = useCallback(
    async (voteId: string) => {
      const { ok, json } = await api(`${base}/${encodeURIComponent(voteId)}`, 'GET')
      const results = (json as unknown as VoteView).results
      if (ok && results) setEnded({ voteId, results })
    },
    [base],
  )

  const voteId = vote?.id ?? null
  const ballots = vote?.ballots
  useEffect(() => {
    let stale = false
    if (voteId) {
      lastVoteId.current = voteId
      void api(`${base}/${encodeURIComponent(voteId)}`, 'GET').then(({ ok, json }) => {
        if (!stale && ok) setView(json as unknown as VoteView)
      })
      return () => {
        stale = true
      }
    }
    setView(null)
    if (lastVoteId.current) void showEnded(lastVoteId.current)
    else {
      // After a reload: the newest ended vote's list, if there is one.
      void api(base, 'GET').then(({ ok, json }) => {
        const latest = (json.votes as { id: string; results: RankedResult[] | null }[] | undefined)?.[0]
        if (!stale && ok && latest?.results) setEnded({ voteId: latest.id, results: latest.results })
      })
    }
    return () => {
      stale = true
    }
  }, [base, voteId, ballots, showEnded])

  const run = useCallback(async (call: () => Promise<{ ok: boolean; json: Record<string, unknown> }>) => {
    setBusy(true)
    try {
      const { ok, json } = await call()
      if (!ok) refuse(json)
      else setError(null)
      return ok ? json : null
    } finally {
      setBusy(false)
    }
  }, [])

  const id = view?.vote.id
  return {
    view,
    ended,
    error,
    busy,
    cast: (shapeId) => {
      if (!id) return
      void run(() => api(`${base}/${id}/ballots`, 'POST', { shapeId })).then((json) => {
        if (json) setView(json as unknown as VoteView)
      })
    },
    takeBack: (shapeId) => {
      if (!id) return
      void run(() => api(`${base}/${id}/ballots/${encodeURIComponent(shapeId)}`, 'DELETE')).then((json) => {
        if (json) setView(json as unknown as VoteView)
      })
    },
    start: (votesPerPerson, frameId) => {
      void run(() => api(base, 'POST', { votesPerPerson, frameId }))
    },
    end: () => {
      if (!id) return
      void run(() => api(`${base}/${id}/end`, 'POST')).then((json) => {
        if (json) setEnded({ voteId: id, results: json.results as RankedResult[] })
      })
    },
    clearError: () => setError(null),
  }
}
