import { describe, expect, it } from 'vitest'
import { clientAddress } from './client-address'

describe('clientAddress', () => {
  it('is the TCP peer unless a proxy is trusted', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.2', false)).toBe('10.0.0.2')
    expect(clientAddress(undefined, undefined, false)).toBe('unknown')
  })

  it('behind a trusted proxy, is the hop the proxy appended, not what the client wrote', () => {
    expect(clientAddress('1.2.3.4, 203.0.113.9', '10.0.0.2', true)).toBe('203.0.113.9')
    expect(clientAddress(['1.2.3.4', '203.0.113.9'], '10.0.0.2', true)).toBe('203.0.113.9')
    expect(clientAddress('', '10.0.0.2', true)).toBe('10.0.0.2')
  })
})
