/**
 * The phone page's outbox: an idea is kept on the device (localStorage) from the moment it is
 * sent until the server has answered for it, so an idea typed while the connection is gone is
 * sent when it returns, also after a reload. Each idea carries a key of its own, and the server
 * answers the same key with the note made the first time (contributions.client_key): an idea
 * whose answer was lost and that is sent again is never placed twice.
 */

export interface PendingIdea {
  clientKey: string
  text: string
  /** when it was written (ms), to send in the order written */
  at: number
}

/** What sending one idea came to. */
export type SendOutcome =
  | { kind: 'sent'; shapeId: string; private: boolean }
  /** not reached or not answered (offline, a timeout, a server error, too many at once): try again later */
  | { kind: 'retry' }
  /** the server said no (too long, session closed …): keep trying would not help */
  | { kind: 'refused'; message: string }

export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const isPending = (value: unknown): value is PendingIdea => {
  const v = value as PendingIdea
  return typeof v?.clientKey === 'string' && typeof v.text === 'string' && typeof v.at === 'number'
}

/** A key of 22 url-safe characters (128 random bits), as the API accepts. */
export function newClientKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16))
  let out = ''
  for (const byte of bytes) out += String.fromCharCode(byte)
  return btoa(out).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export class Outbox {
  private readonly key: string
  /** Where the ideas are kept when the device's storage is missing or refuses (private windows, full). */
  private memory: PendingIdea[] = []
  private stored: boolean

  constructor(
    private readonly store: KeyValueStore | null,
    sessionId: string,
  ) {
    this.key = `wijkatelier.outbox.${sessionId}`
    this.stored = store !== null
  }

  list(): PendingIdea[] {
    if (!this.stored) return [...this.memory]
    try {
      const parsed: unknown = JSON.parse(this.store!.getItem(this.key) ?? '[]')
      return Array.isArray(parsed) ? parsed.filter(isPending).sort((a, b) => a.at - b.at) : []
    } catch {
      return []
    }
  }

  add(text: string, clientKey = newClientKey(), at = Date.now()): PendingIdea {
    const idea = { clientKey, text, at }
    this.save([...this.list(), idea])
    return idea
  }

  remove(clientKey: string): void {
    this.save(this.list().filter((idea) => idea.clientKey !== clientKey))
  }

  private save(ideas: PendingIdea[]) {
    this.memory = ideas
    if (!this.stored) return
    try {
      this.store!.setItem(this.key, JSON.stringify(ideas))
    } catch {
      // A full or blocked storage: from here on the ideas live in memory (sent all the same, but
      // what is not sent yet does not survive a reload).
      this.stored = false
    }
  }
}

/**
 * Sends what waits in the outbox, oldest first, one at a time; stops at the first idea that
 * cannot be sent now (the ones after it wait with it, so the order on the board stays as written).
 * Returns what happened to each idea it tried.
 */
export async function flushOutbox(
  outbox: Outbox,
  send: (idea: PendingIdea) => Promise<SendOutcome>,
): Promise<{ idea: PendingIdea; outcome: SendOutcome }[]> {
  const done: { idea: PendingIdea; outcome: SendOutcome }[] = []
  for (const idea of outbox.list()) {
    const outcome = await send(idea)
    done.push({ idea, outcome })
    if (outcome.kind === 'retry') break
    outbox.remove(idea.clientKey)
  }
  return done
}

/** How the contributions API's answer maps onto an outcome. */
export async function sendIdea(
  sessionId: string,
  idea: PendingIdea,
  fetcher: typeof fetch = fetch,
): Promise<SendOutcome> {
  let res: Response
  try {
    res = await fetcher(`/api/v1/sessions/${encodeURIComponent(sessionId)}/contributions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ text: idea.text, source: 'phone', clientKey: idea.clientKey }),
    })
  } catch {
    return { kind: 'retry' }
  }
  const json = (await res.json().catch(() => ({}))) as { shapeId?: unknown; private?: unknown; message?: unknown }
  if (res.ok && typeof json.shapeId === 'string')
    return { kind: 'sent', shapeId: json.shapeId, private: !!json.private }
  // Answered, but not by the API (a captive portal's page, a proxy): not sent.
  if (res.ok) return { kind: 'retry' }
  if (res.status === 408 || res.status === 429 || res.status >= 500) return { kind: 'retry' }
  return { kind: 'refused', message: typeof json.message === 'string' ? json.message : '' }
}
