import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical'

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    const a = { b: 1, a: { z: [3, 1, 2], y: 'x' } }
    const b = { a: { y: 'x', z: [3, 1, 2] }, b: 1 }
    expect(canonicalJson(a)).toBe('{"a":{"y":"x","z":[3,1,2]},"b":1}')
    expect(canonicalJson(b)).toBe(canonicalJson(a))
    expect(canonicalJson([{ b: 2, a: 1 }, 'x'])).toBe('[{"a":1,"b":2},"x"]')
  })

  it('writes no whitespace, and strings escaped as JSON', () => {
    expect(canonicalJson({ text: 'Hoe kunnen wij\n"samen" …?' })).toBe('{"text":"Hoe kunnen wij\\n\\"samen\\" …?"}')
  })

  it('drops undefined members, writes an undefined array element as null, and -0 as 0', () => {
    expect(canonicalJson({ a: undefined, b: null, c: -0 })).toBe('{"b":null,"c":0}')
    expect(canonicalJson([undefined, 1])).toBe('[null,1]')
  })

  it('parses back to the same value', () => {
    const value = { id: 'shape:abc', props: { w: 200.5, richText: { type: 'doc', content: [] } }, meta: {} }
    expect(JSON.parse(canonicalJson(value))).toEqual(value)
  })

  it('refuses what JSON cannot say faithfully', () => {
    expect(() => canonicalJson({ x: NaN })).toThrow(TypeError)
    expect(() => canonicalJson([Infinity])).toThrow(TypeError)
    expect(() => canonicalJson({ x: -Infinity })).toThrow(TypeError)
    expect(() => canonicalJson(undefined)).toThrow(TypeError)
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError)
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError)
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(TypeError)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/)
  })

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 }
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}')
  })
})
