/**
 * Builds a room's state from its stored bytes in a worker thread (state-worker.mjs), so loading
 * a big room and compacting its log never block the other rooms, and the second core does the
 * Yjs work (issue 7, item 8: a 10k-record room stalled every room for 260–440 ms while it
 * loaded). One worker, started on first use, jobs in order; a crashed worker fails its jobs and
 * is started again for the next.
 */
import { Worker } from 'node:worker_threads'

export interface BuiltState {
  /** Y.encodeStateAsUpdate of the whole room */
  state: Uint8Array
  /** the same state as small updates to apply in order (load), or null when not asked or not possible */
  chunks: Uint8Array[] | null
}

export interface BuildInput {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** cut the result into updates of about this many items (records, characters) */
  chunkLength?: number
}

interface Job {
  worker: Worker
  resolve(built: BuiltState): void
  reject(err: Error): void
}

export class StateBuilder {
  private worker: Worker | null = null
  private readonly jobs = new Map<number, Job>()
  private nextId = 1

  build(input: BuildInput): Promise<BuiltState> {
    const worker = this.worker ?? this.start()
    const id = this.nextId++
    return new Promise<BuiltState>((resolve, reject) => {
      this.jobs.set(id, { worker, resolve, reject })
      // Copied, not transferred: the stored bytes may share memory with other rows.
      worker.postMessage({ id, snapshot: input.snapshot, updates: input.updates, chunkStructs: input.chunkLength })
      worker.ref() // a job under way keeps the process alive; an idle worker does not
    })
  }

  private start(): Worker {
    const worker = new Worker(new URL('./state-worker.mjs', import.meta.url))
    worker.unref()
    worker.on('message', (m: { id: number; state?: Uint8Array; chunks?: Uint8Array[] | null; error?: string }) => {
      const job = this.jobs.get(m.id)
      this.jobs.delete(m.id)
      if (![...this.jobs.values()].some((j) => j.worker === worker)) worker.unref()
      if (!job) return
      if (m.error !== undefined || !m.state) job.reject(new Error(`building a room's state failed: ${m.error}`))
      else job.resolve({ state: m.state, chunks: m.chunks ?? null })
    })
    const failAll = (err: Error) => {
      if (this.worker === worker) this.worker = null
      for (const [id, job] of this.jobs) {
        if (job.worker !== worker) continue
        this.jobs.delete(id)
        job.reject(err)
      }
    }
    worker.on('error', failAll)
    worker.on('exit', (code) => failAll(new Error(`state worker exited (${code})`)))
    this.worker = worker
    return worker
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }
}
