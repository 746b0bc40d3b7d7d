import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.server'

describe('environment', () => {
  it('has defaults that run a fresh clone', () => {
    const env = parseEnv({})
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_PATH).toBe('data/wijkatelier.db')
    expect(env.DATABASE_SYNCHRONOUS).toBe('normal')
    expect(env.TLDRAW_LICENSE_KEY).toBeUndefined()
  })

  it('treats empty values as unset', () => {
    expect(parseEnv({ PORT: '', TLDRAW_LICENSE_KEY: '' }).PORT).toBe(3000)
  })

  it('names every wrong variable in one message', () => {
    let error: unknown
    try {
      parseEnv({ PORT: 'drieduizend', SESSION_SECRET: 'kort', DATABASE_SYNCHRONOUS: 'sometimes' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EnvError)
    const message = (error as Error).message
    expect(message).toContain('PORT="drieduizend"')
    expect(message).toContain('SESSION_SECRET="kort": moet minstens 32 tekens lang zijn')
    expect(message).toContain('DATABASE_SYNCHRONOUS="sometimes": moet normal of full zijn')
  })

  it('rejects out-of-range ports', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT="70000": moet tussen 0 en 65535 liggen/)
  })
})
