import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MessageKey } from '~/i18n'
import type { OwnContribution as OwnIdea } from './types'
import { flushOutbox, Outbox, sendIdea, type PendingIdea } from './outbox'

export type { OwnContribution as OwnIdea } from './types'

/** What the page says after something happened: a key of the i18n layer, or a server's message. */
export type Notice = { key: MessageKey; tone: 'ok' | 'wait' | 'error' } | { text: string; tone: 'error' }

const RETRY_MS = 5_000

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

async function call(
  url: string,
  init: RequestInit,
): Promise<{ ok: boolean; status: number; json: Record<string, unknown> }> {
  try {
    const res = await fetch(url, {
      ...init,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    })
    return { ok: res.ok, status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> }
  } catch {
    return { ok: false, status: 0, json: {} }
  }
}

/**
 * A person's ideas on the phone page: what waits in the outbox (outbox.ts), what the server has
 * (their own contributions), and changing or taking one back. The outbox is sent whenever there
 * is reason to think the connection is back: the browser says it is online, the live channel
 * hears the server again, and every few seconds while something waits.
 */
export function useIdeas(sessionId: string, initial: OwnIdea[], live: boolean) {
  const base = `/api/v1/sessions/${encodeURIComponent(sessionId)}/contributions`
  const outbox = useMemo(() => new Outbox(storage(), sessionId), [sessionId])
  const [mine, setMine] = useState(initial)
  const [pending, setPending] = useState<PendingIdea[]>([])
  const [notice, setNotice] = useState<Notice | null>(null)
  const flushing = useRef(false)

  const refresh = useCallback(async () => {
    const { ok, json } = await call(base, { method: 'GET' })
    if (ok && Array.isArray(json.contributions)) setMine(json.contributions as OwnIdea[])
  }, [base])

  const flush = useCallback(async () => {
    // One at a time: a second flush while the first waits for an answer would send the same idea again.
    if (flushing.current) return
    flushing.current = true
    try {
      const done = await flushOutbox(outbox, (idea) => sendIdea(sessionId, idea))
      // Ideas added while these were on their way go out now too, not at the next retry.
      while (done.at(-1)?.outcome.kind !== 'retry' && outbox.list().length > 0) {
        const more = await flushOutbox(outbox, (idea) => sendIdea(sessionId, idea))
        if (more.length === 0) break
        done.push(...more)
      }
      setPending(outbox.list())
      const last = done.at(-1)?.outcome
      if (!last) return
      if (last.kind === 'sent')
        setNotice({ key: last.private ? 'participant.idea.sentPrivate' : 'participant.idea.sent', tone: 'ok' })
      else if (last.kind === 'refused') setNotice({ text: last.message, tone: 'error' })
      else setNotice({ key: 'participant.idea.queued', tone: 'wait' })
      if (done.some((d) => d.outcome.kind === 'sent')) await refresh()
    } finally {
      flushing.current = false
    }
  }, [outbox, sessionId, refresh])

  // What an earlier visit left unsent goes out when the page opens.
  useEffect(() => {
    setPending(outbox.list())
    void flush()
  }, [outbox, flush])

  useEffect(() => {
    if (live) void flush()
  }, [live, flush])

  useEffect(() => {
    const online = () => void flush()
    window.addEventListener('online', online)
    const timer = pending.length > 0 ? setInterval(online, RETRY_MS) : undefined
    return () => {
      window.removeEventListener('online', online)
      if (timer) clearInterval(timer)
    }
  }, [flush, pending.length])

  return {
    mine,
    pending,
    notice,
    setNotice,
    refresh,
    /** Keeps the idea in the outbox first, then sends it (now, or when the connection is back). */
    send(text: string) {
      outbox.add(text)
      setPending(outbox.list())
      return flush()
    },
    async edit(shapeId: string, text: string): Promise<boolean> {
      const { ok, status, json } = await call(`${base}/${encodeURIComponent(shapeId)}`, {
        method: 'PATCH',
        body: JSON.stringify({ text }),
      })
      if (ok) {
        setMine((list) => list.map((idea) => (idea.shapeId === shapeId ? (json as unknown as OwnIdea) : idea)))
        setNotice({ key: 'participant.mine.saved', tone: 'ok' })
        return true
      }
      setNotice(refusal(status, json))
      if (status === 404) await refresh()
      return false
    },
    async remove(shapeId: string): Promise<boolean> {
      const { ok, status, json } = await call(`${base}/${encodeURIComponent(shapeId)}`, { method: 'DELETE' })
      if (ok || status === 404) setMine((list) => list.filter((idea) => idea.shapeId !== shapeId))
      setNotice(ok ? { key: 'participant.mine.deleted', tone: 'ok' } : refusal(status, json))
      return ok
    },
  }
}

function refusal(status: number, json: Record<string, unknown>): Notice {
  if (status === 0) return { key: 'participant.error.offline', tone: 'error' }
  const errors = json.errors as Record<string, string> | undefined
  return { text: String(errors?.text ?? json.message ?? ''), tone: 'error' }
}
