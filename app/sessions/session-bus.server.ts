import { singleton } from '../../db/singleton'
import type { SessionState } from './session-state'

/**
 * What a session's live channel carries: its new state, that one person's access ended, or a
 * facilitator's "Iedereen naar mij" (everyone follows the viewport of that presence id).
 */
export type SessionMessage =
  { type: 'state'; state: SessionState } | { type: 'removed'; subject: string } | { type: 'summon'; presenceId: string }

type Listener = (message: SessionMessage) => void

/**
 * The in-process event bus of the live channel (`GET /api/v1/sessions/:id/events`), keyed by
 * werksessie id. One process serves everyone, so a map of listeners is the whole bus; a second
 * process would need a shared one (SQLite has no notifications; see docs/architecture.md).
 */
export class SessionBus {
  private listeners = new Map<string, Set<Listener>>()
  /** per werksessie, the open live channels of each subject (`u:<id>`, `p:<id>`) */
  private streams = new Map<string, Map<string, number>>()

  subscribe(sessionId: string, listener: Listener): () => void {
    let set = this.listeners.get(sessionId)
    if (!set) this.listeners.set(sessionId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.listeners.get(sessionId) === set) this.listeners.delete(sessionId)
    }
  }

  publish(sessionId: string, message: SessionMessage) {
    for (const listener of [...(this.listeners.get(sessionId) ?? [])]) {
      try {
        listener(message)
      } catch (error) {
        // One broken stream must not keep the others from hearing the change.
        console.error(`[session-bus] ${sessionId}: listener failed`, error)
      }
    }
  }

  /**
   * Counts a live channel of `subject` as open: someone on the phone page is connected through
   * it, without a canvas websocket. The function returned ends it, once however often it is
   * called (a stream ends by abort, cancel or removal, sometimes by more than one).
   */
  openStream(sessionId: string, subject: string): () => void {
    let counts = this.streams.get(sessionId)
    if (!counts) this.streams.set(sessionId, (counts = new Map()))
    counts.set(subject, (counts.get(subject) ?? 0) + 1)
    let open = true
    return () => {
      if (!open) return
      open = false
      const left = (counts.get(subject) ?? 1) - 1
      if (left > 0) counts.set(subject, left)
      else counts.delete(subject)
      if (counts.size === 0 && this.streams.get(sessionId) === counts) this.streams.delete(sessionId)
    }
  }

  /** The subjects with at least one live channel open to the werksessie now, each once. */
  streamSubjects(sessionId: string): string[] {
    return [...(this.streams.get(sessionId)?.keys() ?? [])]
  }

  listenerCount(sessionId: string): number {
    return this.listeners.get(sessionId)?.size ?? 0
  }
}

/** One bus per process, shared by the Remix build and the server (and Vite's reloads in dev). */
export const sessionBus = () => singleton('session-bus', () => new SessionBus())
