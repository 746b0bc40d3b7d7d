import { describe, expect, it } from 'vitest'
import { generateJoinCode } from './join-code.server'
import { isJoinCode, JOIN_CODE_ALPHABET, normalizeJoinCode } from './join-code'

describe('join codes', () => {
  it('are 6 characters from the unambiguous alphabet', () => {
    for (let i = 0; i < 500; i++) {
      const code = generateJoinCode()
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/)
      expect(isJoinCode(code)).toBe(true)
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/)
  })

  it('use every character of the alphabet', () => {
    const seen = new Set(Array.from({ length: 400 }, () => generateJoinCode()).join(''))
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length)
  })

  it('accept what people type: lower case, spaces, dashes', () => {
    expect(normalizeJoinCode(' k7m-r4p ')).toBe('K7MR4P')
    expect(isJoinCode(normalizeJoinCode('k7m r4p'))).toBe(true)
  })

  it('reject look-alikes and wrong lengths', () => {
    expect(isJoinCode('K7MR40')).toBe(false) // 0 is not in the alphabet
    expect(isJoinCode('K7MR4')).toBe(false)
    expect(isJoinCode('K7MR4PP')).toBe(false)
  })
})
