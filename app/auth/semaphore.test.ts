import { describe, expect, it } from 'vitest'
import { BusyError, Semaphore } from './semaphore'

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('semaphore', () => {
  it('runs at most `slots` tasks at once, queues `queue` more, and refuses beyond that', async () => {
    const gate = new Semaphore(2, 1)
    const blockers = [deferred(), deferred(), deferred()]
    let started = 0
    const runs = blockers.map((b) =>
      gate.run(async () => {
        started++
        await b.promise
      }),
    )
    await Promise.resolve()
    expect(started).toBe(2)
    expect(gate.queued).toBe(1)
    await expect(gate.run(async () => {})).rejects.toBeInstanceOf(BusyError)
    blockers[0].resolve()
    await runs[0]
    await new Promise((r) => setImmediate(r))
    expect(started).toBe(3)
    expect(gate.running).toBe(2)
    blockers[1].resolve()
    blockers[2].resolve()
    await Promise.all(runs)
    expect(gate.running).toBe(0)
  })

  it('frees the slot when a task fails', async () => {
    const gate = new Semaphore(1, 0)
    await expect(gate.run(() => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot')
    await expect(gate.run(async () => 42)).resolves.toBe(42)
  })
})
