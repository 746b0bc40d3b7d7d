import { describe, expect, it } from 'vitest'
import { singleton } from './singleton'

describe('singleton', () => {
  it('makes a value once per name and hands the same one to every caller', () => {
    let made = 0
    const first = singleton('test:counter', () => ({ made: ++made }))
    expect(singleton('test:counter', () => ({ made: ++made }))).toBe(first)
    expect(made).toBe(1)
    expect(singleton('test:other', () => 'other')).toBe('other')
  })

  it('keeps nothing when the factory throws, so the next caller tries again', () => {
    expect(() =>
      singleton('test:failing', () => {
        throw new Error('bad configuration')
      }),
    ).toThrow('bad configuration')
    expect(singleton('test:failing', () => 'fixed')).toBe('fixed')
  })
})
