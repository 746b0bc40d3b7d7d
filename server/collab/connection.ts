/**
 * One authenticated websocket in one room: its identity, its rate limit, the awareness client
 * ids it introduced, and the messages that arrived before its room finished loading.
 */
import type { WebSocket } from 'ws'
import type { ConnectionBudget } from './budgets'
import type { CollabPeer } from './peer'
import { CloseCode } from './protocol'
import type { Wire } from './wire'

export interface RateLimit {
  /** sustained messages per second */
  perSecond: number
  /** bucket size: how many messages may arrive at once */
  burst: number
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 300, burst: 600 }

/** Token bucket; `take(n)` is false (and takes nothing) once the client is over its budget. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst
    this.last = now()
  }

  take(n = 1): boolean {
    const t = this.now()
    this.tokens = Math.min(this.limit.burst, this.tokens + ((t - this.last) / 1000) * this.limit.perSecond)
    this.last = t
    if (this.tokens < n) return false
    this.tokens -= n
    return true
  }
}

/**
 * A client that cannot keep up with the room is cut off rather than buffered without bound
 * (budgets.sendBufferBytes overrides it). One frame larger than this still goes out to an
 * empty buffer, so a big room's first sync is never refused.
 */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024

let nextConnectionId = 1

/** The socket under a ws 8 WebSocket, as far as a raw write needs it. */
interface RawSocket {
  writable: boolean
  write(chunk: Buffer): boolean
  cork(): void
  uncork(): void
}

/** ws 8's internals a raw write relies on; each is checked before it is used. */
interface WsInternals {
  _socket?: RawSocket
  _sender?: { _state?: number }
}

/**
 * Awareness frames per connection: a stock provider in a room of 50 people whose pointers move at
 * 30 Hz echoes about 1,500 a second.
 */
export const DEFAULT_AWARENESS_FRAME_LIMIT: RateLimit = { perSecond: 2000, burst: 4000 }

export class Connection<P extends CollabPeer = CollabPeer> {
  readonly id = nextConnectionId++
  /** Awareness client ids this connection introduced; only it may update them. */
  readonly clientIds = new Set<number>()
  /** Frames received while the room was loading, processed in order once it is ready. */
  readonly queue: Uint8Array[] = []
  readonly bucket: TokenBucket
  /**
   * Awareness frames have a bucket of their own: a stock provider re-sends every presence change
   * it hears (N−1 people's cursors), which must not use up the budget for its own edits. Their
   * bytes still count in the connection's byte budget, its own states in the awareness budget.
   */
  readonly awarenessBucket: TokenBucket
  isAlive = true
  closed = false
  /** Sent permission-denied once already (read-only connections). */
  deniedNotified = false
  /** Its update, struct and awareness budgets; set by the server (none: unlimited). */
  budget: ConnectionBudget | null = null
  /** Unsent bytes beyond which it is cut off as too slow. */
  maxBufferedBytes = MAX_BUFFERED_BYTES

  constructor(
    readonly ws: WebSocket,
    readonly roomId: string,
    readonly identity: P,
    /** What others see of this peer besides its presence id and mode; stamped into its awareness. */
    readonly presence: Record<string, unknown>,
    rateLimit: RateLimit = DEFAULT_RATE_LIMIT,
    awarenessFrameLimit: RateLimit = DEFAULT_AWARENESS_FRAME_LIMIT,
  ) {
    this.bucket = new TokenBucket(rateLimit)
    this.awarenessBucket = new TokenBucket(awarenessFrameLimit)
    // A negotiated extension (permessage-deflate) changes what a frame looks like: then only ws.send.
    const internals = ws as unknown as WsInternals
    this.internals = ws.extensions === '' && internals._socket && internals._sender ? internals : null
  }

  private readonly internals: WsInternals | null

  /**
   * The socket, if a prebuilt frame may go straight to it: ws is not in the middle of a message
   * of its own (its sender is idle, so nothing of it waits to be written before ours), and the
   * socket still takes writes. Otherwise null, and the frame goes through ws.send.
   */
  private rawSocket(): RawSocket | null {
    const internals = this.internals
    if (!internals || internals._sender?._state !== 0) return null
    const socket = internals._socket
    return socket?.writable ? socket : null
  }

  /** False (and closed) if the client has fallen too far behind to send it more. */
  private keepsUp(): boolean {
    if (this.ws.bufferedAmount <= this.maxBufferedBytes) return true
    this.close(CloseCode.policy, 'Verbinding loopt te ver achter')
    return false
  }

  get open(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN
  }

  send(frame: Uint8Array): void {
    if (!this.open || !this.keepsUp()) return
    this.ws.send(frame, (err) => {
      if (err) this.close(CloseCode.serverError, 'Verzenden mislukt')
    })
  }

  /**
   * Sends a message framed once for all its recipients (wire.ts): one socket write of the same
   * bytes. A failed write ends the socket, and ws closes the connection (its 'close' event).
   */
  sendWire(wire: Wire): void {
    if (!this.open || !this.keepsUp()) return
    const socket = this.rawSocket()
    if (socket) socket.write(wire.frame)
    else this.send(wire.payload)
  }

  /**
   * Sends several frames in one socket write: corked, they leave together when the last is
   * queued. Each stays its own websocket message, since the stock provider reads exactly one
   * y-protocol message per websocket message.
   */
  sendAll(wires: Wire[]): void {
    if (wires.length === 0 || !this.open) return
    if (wires.length === 1) return this.sendWire(wires[0])
    // ws has no public cork; its sender writes to this socket, and cork() nests.
    const socket = this.internals?._socket
    socket?.cork()
    try {
      for (const wire of wires) this.sendWire(wire)
    } finally {
      socket?.uncork()
    }
  }

  /** Close with a code and a (Dutch, user-facing) reason; a close reason is at most 123 bytes. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    const bytes = Buffer.from(reason)
    const safe = bytes.length > 120 ? bytes.subarray(0, 120).toString() : reason
    try {
      this.ws.close(code, safe)
    } catch {
      this.ws.terminate()
    }
  }
}
