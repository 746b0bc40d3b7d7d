import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { encodeAwareness, encodeUpdate } from './protocol'
import { updateWire, wireOf } from './wire'

/** ws's frame parser (a writable stream), which its types do not declare. */
interface FrameParser {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void
  on(event: 'error', listener: (err: Error) => void): void
  write(chunk: Buffer): void
}
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean }) => FrameParser }

/** What ws's own client-side parser reads from these bytes: the messages, as it would hand them over. */
function parse(bytes: Buffer): Uint8Array[] {
  const messages: Uint8Array[] = []
  const receiver = new Receiver({ isServer: false })
  receiver.on('message', (data, isBinary) => {
    expect(isBinary).toBe(true)
    messages.push(new Uint8Array(data))
  })
  receiver.on('error', (err) => {
    throw err
  })
  receiver.write(bytes)
  return messages
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256)

describe('wire', () => {
  // 125 and 126 and 65,535 and 65,536 are where the header's length field changes its size.
  it.each([0, 1, 121, 122, 125, 126, 127, 300, 65_531, 65_532, 65_536, 200_000])(
    'frames a %i-byte update as encodeUpdate would, in one websocket message ws reads back',
    (n) => {
      const update = bytes(n)
      const wire = updateWire(update)
      const expected = encodeUpdate(update)
      expect(same(wire.payload, expected)).toBe(true)
      const messages = parse(wire.frame)
      expect(messages).toHaveLength(1)
      expect(same(messages[0], expected)).toBe(true)
    },
  )

  it('frames any message; several frames in a row stay separate messages', () => {
    const a = encodeAwareness(bytes(40))
    const b = encodeUpdate(bytes(70_000))
    const messages = parse(Buffer.concat([wireOf(a).frame, wireOf(b).frame, updateWire(bytes(5)).frame]))
    expect(messages).toHaveLength(3)
    expect([a, b, encodeUpdate(bytes(5))].every((m, i) => same(messages[i], m))).toBe(true)
  })
})
