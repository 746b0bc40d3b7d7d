import { describe, expect, it } from 'vitest'
import { OFFLINE_AFTER_MS, connectionState } from './connection-state'

describe('connectionState', () => {
  it('is offline whenever the browser says so', () => {
    expect(connectionState({ online: false, status: 'connected', notConnectedForMs: 0 })).toBe('offline')
  })
  it('is connected when the provider is', () => {
    expect(connectionState({ online: true, status: 'connected', notConnectedForMs: 0 })).toBe('connected')
  })
  it('is reconnecting for a while, then offline', () => {
    expect(connectionState({ online: true, status: 'connecting', notConnectedForMs: 500 })).toBe('reconnecting')
    expect(connectionState({ online: true, status: 'disconnected', notConnectedForMs: OFFLINE_AFTER_MS })).toBe(
      'offline',
    )
  })
})
