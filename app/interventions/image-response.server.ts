/**
 * Headers for a version's stored image. Versions never change, so an image may be cached for
 * good by whoever could read it (private: it is not for shared caches). The SVG came from a
 * browser: besides the check when it was stored (version-images.ts), this policy lets nothing in
 * it run or load, even when someone opens the image's address directly.
 */
export function imageHeaders(kind: 'svg' | 'png'): HeadersInit {
  return {
    'Content-Type': kind === 'svg' ? 'image/svg+xml' : 'image/png',
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox",
    'X-Content-Type-Options': 'nosniff',
  }
}
