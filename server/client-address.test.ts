import { describe, expect, it } from 'vitest'
import { parseEnv } from '../app/env.server'
import { clientAddress, limitKey, TrustedProxies } from './client-address'

const none = new TrustedProxies([])
const proxy = new TrustedProxies(['10.0.0.2'])

describe('clientAddress', () => {
  it('is the TCP peer when no proxy is listed, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.2', none)).toBe('10.0.0.2')
    expect(clientAddress(undefined, undefined, none)).toBe('unknown')
    expect(clientAddress(undefined, '::ffff:192.0.2.7', none)).toBe('192.0.2.7')
  })

  it('ignores X-Forwarded-For from a peer that is not a listed proxy (a client reaching the server directly)', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.4', proxy)).toBe('198.51.100.4')
  })

  it('behind a listed proxy, is the right-most hop that is not a proxy, not what the client wrote', () => {
    expect(clientAddress('1.2.3.4, 203.0.113.9', '10.0.0.2', proxy)).toBe('203.0.113.9')
    expect(clientAddress(['1.2.3.4', '203.0.113.9'], '::ffff:10.0.0.2', proxy)).toBe('203.0.113.9')
    expect(clientAddress('', '10.0.0.2', proxy)).toBe('10.0.0.2')
    // Two proxies in a row (a load balancer in 10.1.0.0/16, then ours): both are skipped.
    const chain = new TrustedProxies(['10.0.0.2', '10.1.0.0/16'])
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.1.4.5', '10.0.0.2', chain)).toBe('203.0.113.9')
    expect(clientAddress('10.1.4.5', '10.0.0.2', chain)).toBe('10.1.4.5')
    // A proxy never appends anything but an address; garbage is counted against the proxy.
    expect(clientAddress('1.2.3.4, ik-ben-iemand-anders', '10.0.0.2', proxy)).toBe('10.0.0.2')
  })

  it('takes IPv6 proxies and ranges', () => {
    const v6 = new TrustedProxies(['fd00::/8', '::1'])
    expect(clientAddress('2001:db8::1', '::1', v6)).toBe('2001:db8::1')
    expect(clientAddress('2001:db8::1, fd12::3', '::1', v6)).toBe('2001:db8::1')
  })
})

describe('limitKey', () => {
  it('counts IPv4 per address and IPv6 per /64', () => {
    expect(limitKey('203.0.113.9')).toBe('203.0.113.9')
    expect(limitKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(limitKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(limitKey('2001:DB8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(limitKey('2001:0db8:0001:0002:ffff::9%eth0')).toBe('2001:db8:1:2::/64')
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(limitKey('::1')).toBe('0:0:0:0::/64')
    expect(limitKey('unknown')).toBe('unknown')
  })
})

describe('TRUST_PROXY', () => {
  it('takes addresses and CIDR ranges, comma separated; unset or false trusts no proxy', () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual([])
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toEqual([])
    expect(parseEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8' }).TRUST_PROXY).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
    ])
  })

  it('refuses true and anything that is not an address, naming the variable', () => {
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY="true": "true" is geen IP-adres/)
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/)
    expect(() => parseEnv({ TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY/)
  })
})
