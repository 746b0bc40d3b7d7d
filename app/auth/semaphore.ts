/**
 * At most `slots` tasks at once, at most `queue` more waiting; beyond that `run` refuses at
 * once with a BusyError instead of piling up work (each password hash takes ~200 ms of CPU and
 * 128 MiB of memory, so a burst of logins must not add up to gigabytes).
 */
export class Semaphore {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    readonly slots: number,
    readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) {
      if (this.waiting.length >= this.queue) throw new BusyError()
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.active++
    }
    try {
      return await task()
    } finally {
      // The slot passes straight to the next waiter, so `active` never drops below what runs.
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }

  get running(): number {
    return this.active
  }

  get queued(): number {
    return this.waiting.length
  }
}

export class BusyError extends Error {
  constructor() {
    super('too much work waiting')
  }
}
