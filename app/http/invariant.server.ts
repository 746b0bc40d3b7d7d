import type { Message } from '~/i18n'

/**
 * The Epic Stack's `invariantResponse`: unless `condition` holds, throw the Response that the
 * route's ErrorBoundary (`ErrorPage`) shows, 400 unless `init` says otherwise. The body is a
 * `Message` (an i18n key, with variables via `message()`), never a finished text, so the error
 * page shows it in the reader's language; the type refuses anything else.
 */
export function invariantResponse(condition: unknown, body: Message, init?: ResponseInit): asserts condition {
  if (!condition) throw new Response(body, { status: 400, ...init })
}
