/**
 * The address failed logins and wrong join codes are counted against. Directly on the network
 * that is the TCP peer. Behind a reverse proxy (TRUST_PROXY=true) the peer is the proxy, and the
 * client is the address the proxy appended last to X-Forwarded-For: earlier entries can be
 * written by the client itself and are not trusted.
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  peer: string | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy && forwardedFor) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
    const last = hops.at(-1)
    if (last) return last
  }
  return peer ?? 'unknown'
}
