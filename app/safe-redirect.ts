/**
 * Only paths on this site, so a `?terug=` parameter cannot send someone elsewhere. Browsers drop
 * tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` would become
 * `//evil.example`: anything with control characters or backslashes is refused outright.
 */
export function safeRedirectPath(to: unknown, fallback = '/'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (typeof to !== 'string' || !to.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback
  const base = 'http://wijkatelier.invalid'
  const url = new URL(to, base)
  return url.origin === base ? url.pathname + url.search + url.hash : fallback
}
