/**
 * A raw websocket client for the collab tests: sends frames exactly as given (as an attacker
 * would) and records what the server answers, including permission-denied reasons.
 */
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { messageAuth } from './protocol'

export interface RawClient {
  ws: WebSocket
  opened: Promise<void>
  closed: Promise<{ code: number; reason: string }>
  /** permission-denied reasons the server sent */
  denied: string[]
  send(frame: Uint8Array): void
}

export function rawClient(url: string): RawClient {
  const ws = new WebSocket(url)
  const denied: string[] = []
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== messageAuth) return
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder))
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve())
    ws.on('error', reject)
  })
  return { ws, opened, closed, denied, send: (frame) => ws.send(frame) }
}
