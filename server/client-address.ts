import net from 'node:net'

/**
 * The proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses and CIDR ranges, as
 * parsed by app/env.server.ts). Anyone else who sends the header is ignored: with `true` a
 * server reachable directly believed whatever a client wrote, so guessing went unthrottled.
 */
export class TrustedProxies {
  private readonly list = new net.BlockList()
  readonly empty: boolean

  constructor(entries: readonly string[]) {
    this.empty = entries.length === 0
    for (const entry of entries) {
      const [address, prefix] = entry.split('/')
      const family = net.isIPv6(address) ? 'ipv6' : 'ipv4'
      if (prefix === undefined) this.list.addAddress(address, family)
      else this.list.addSubnet(address, Number(prefix), family)
    }
  }

  has(address: string): boolean {
    const plain = unmapped(address)
    const family = net.isIP(plain)
    if (family === 0 || this.empty) return false
    return this.list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
  }
}

/** `::ffff:10.0.0.2` (how Node shows IPv4 peers on a dual-stack socket) as `10.0.0.2`. */
function unmapped(address: string): string {
  const trimmed = address.trim()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped ? mapped[1] : trimmed
}

/**
 * The client's address. Directly on the network that is the TCP peer. When the peer is a
 * listed proxy, X-Forwarded-For is read from the right: each proxy appends the address it saw,
 * so the right-most entry that is not itself a listed proxy is the client; everything left of
 * it was written by the client and is not believed.
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  peer: string | undefined,
  proxies: TrustedProxies,
): string {
  if (!peer) return 'unknown'
  if (!forwardedFor || !proxies.has(peer)) return unmapped(peer)
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => unmapped(h))
    .filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]
    // A listed proxy must append a real address; anything else is counted against the proxy.
    if (net.isIP(hop) === 0) return unmapped(peer)
    if (!proxies.has(hop)) return hop
  }
  // Only proxies in the chain (e.g. the proxy's own health check): the first of them.
  return hops[0] ?? unmapped(peer)
}

/**
 * What limits count against: an IPv4 address as it is, an IPv6 address by its /64, since one
 * household or phone gets a whole /64 and could otherwise take a fresh address per guess.
 */
export function limitKey(address: string): string {
  const plain = unmapped(address).split('%')[0]
  if (!net.isIPv6(plain)) return plain
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`
}

/** The eight 16-bit groups of an IPv6 address, lower case, without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase()
  // An embedded IPv4 tail (::1.2.3.4) becomes two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number)
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail === undefined ? [] : tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16))
}
