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

  it('takes the collab rate limit from the environment, 300 messages/s with a burst of 600 by default', () => {
    expect(parseEnv({})).toMatchObject({ COLLAB_MESSAGES_PER_SECOND: 300, COLLAB_MESSAGE_BURST: 600 })
    expect(parseEnv({ COLLAB_MESSAGES_PER_SECOND: '2000', COLLAB_MESSAGE_BURST: '4000' })).toMatchObject({
      COLLAB_MESSAGES_PER_SECOND: 2000,
      COLLAB_MESSAGE_BURST: 4000,
    })
    expect(() => parseEnv({ COLLAB_MESSAGES_PER_SECOND: '0' })).toThrow(
      /COLLAB_MESSAGES_PER_SECOND="0": moet minstens 1/,
    )
  })

  it('rejects out-of-range ports', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT="70000": moet tussen 0 en 65535 liggen/)
  })
})
