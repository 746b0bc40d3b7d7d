import { describe, expect, it } from 'vitest'
import { flushOutbox, newClientKey, Outbox, sendIdea, type KeyValueStore, type SendOutcome } from './outbox'

class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>()
  getItem(key: string) {
    return this.values.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.values.set(key, value)
  }
}

const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))

describe('the phone’s outbox', () => {
  it('keeps ideas per session across a reload, in the order written', () => {
    const store = new MemoryStore()
    const outbox = new Outbox(store, 's1')
    outbox.add('tweede', 'key-second-0001', 20)
    outbox.add('eerste', 'key-first-00001', 10)
    new Outbox(store, 's2').add('elders', 'key-elsewhere-1', 5)
    expect(new Outbox(store, 's1').list().map((i) => i.text)).toEqual(['eerste', 'tweede'])
    store.setItem('wijkatelier.outbox.s1', '{kapot')
    expect(new Outbox(store, 's1').list()).toEqual([])
  })

  it('keeps ideas in memory when the device has no storage or its storage refuses', () => {
    const none = new Outbox(null, 's')
    none.add('zonder opslag', 'key-no-storage-1', 1)
    expect(none.list().map((i) => i.text)).toEqual(['zonder opslag'])
    none.remove('key-no-storage-1')
    expect(none.list()).toEqual([])
    const full = new Outbox(
      {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError')
        },
      },
      's',
    )
    full.add('vol', 'key-full-storage', 1)
    expect(full.list().map((i) => i.text)).toEqual(['vol'])
  })

  it('stops at the first idea that cannot go now and keeps it and those after it', async () => {
    const outbox = new Outbox(new MemoryStore(), 's')
    outbox.add('a', 'key-aaaaaaaaaa', 1)
    outbox.add('b', 'key-bbbbbbbbbb', 2)
    outbox.add('c', 'key-cccccccccc', 3)
    const answers: Record<string, SendOutcome> = {
      a: { kind: 'sent', shapeId: 'shape:a', private: false },
      b: { kind: 'retry' },
      c: { kind: 'sent', shapeId: 'shape:c', private: false },
    }
    const tried: string[] = []
    const done = await flushOutbox(outbox, async (idea) => {
      tried.push(idea.text)
      return answers[idea.text]
    })
    expect(tried).toEqual(['a', 'b'])
    expect(done.map((d) => d.outcome.kind)).toEqual(['sent', 'retry'])
    expect(outbox.list().map((i) => i.text)).toEqual(['b', 'c'])
    // refused ideas leave the outbox (sending them again would not help)
    answers.b = { kind: 'refused', message: 'Te lang' }
    await flushOutbox(outbox, async (idea) => answers[idea.text])
    expect(outbox.list()).toEqual([])
  })

  it('maps the API’s answers: sent, again, refused, and retry for offline, 429, 5xx and foreign pages', async () => {
    const idea = { clientKey: 'key-0123456789', text: 'Koffie', at: 1 }
    let sentBody: unknown
    const ok = await sendIdea('s', idea, (async (_url: string, init: RequestInit) => {
      sentBody = JSON.parse(String(init.body))
      return json(201, { shapeId: 'shape:x', private: true })
    }) as typeof fetch)
    expect(ok).toEqual({ kind: 'sent', shapeId: 'shape:x', private: true })
    expect(sentBody).toEqual({ text: 'Koffie', source: 'phone', clientKey: 'key-0123456789' })
    expect(await sendIdea('s', idea, (() => json(200, { shapeId: 'shape:x' })) as typeof fetch)).toMatchObject({
      kind: 'sent',
    })
    expect(await sendIdea('s', idea, (() => json(400, { message: 'Te lang' })) as typeof fetch)).toEqual({
      kind: 'refused',
      message: 'Te lang',
    })
    for (const answer of [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(429, {}),
      () => json(503, {}),
      () => Promise.resolve(new Response('<html>wifi login</html>', { status: 200 })),
    ]) {
      expect(await sendIdea('s', idea, answer as typeof fetch)).toEqual({ kind: 'retry' })
    }
  })

  it('makes keys the API accepts, different each time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newClientKey()))
    expect(keys.size).toBe(100)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })
})
