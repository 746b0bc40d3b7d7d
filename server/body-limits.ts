import type { RequestHandler, Response } from 'express'
import { t } from '../app/i18n'

export const KiB = 1024
export const MiB = 1024 * KiB

/** How large a request body may be, by route. */
export interface BodyLimits {
  /** JSON on /api/ */
  api: number
  /** every form (login, join, new werksessie, …) */
  form: number
  /** the CBS upload page (several files in one multipart body) */
  upload: number
  /** a participant's photo: one JPEG, the raw body (app/photos/photos.server.ts, MAX_PHOTO_BYTES) */
  photo: number
  /** a prototype version with its rendered images, or an intervention's export being imported (JSON) */
  intervention: number
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  api: 1 * MiB,
  form: 64 * KiB,
  upload: 64 * MiB,
  photo: 3 * MiB,
  intervention: 32 * MiB,
}

/** The import page, as a document POST and as Remix's single-fetch data request. */
const UPLOAD_PATHS = new Set(['/beheer/import', '/beheer/import.data'])
/** The one API route that takes a file instead of JSON: `POST /api/v1/sessions/:id/photos`. */
const PHOTO_PATH = /^\/api\/v1\/sessions\/[^/]+\/photos$/
/** JSON that carries images: saving a version (SVG and PNG of the frame) and importing an intervention. */
const INTERVENTION_PATH = /^\/api\/v1\/interventions\/(?:[^/]+\/versions|import)$/

/**
 * Every request with a body declares its length, and the length is checked before a byte of
 * the body is read (Remix would otherwise buffer a 64 MB form field in memory). Browsers and
 * Node's fetch always send Content-Length for forms and JSON; a chunked body without one is
 * refused with 411, so no body is ever longer than what was checked here.
 */
export function bodyLimits(limits: BodyLimits = DEFAULT_BODY_LIMITS): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next()
    const api = req.path.startsWith('/api/')
    const photo = api && PHOTO_PATH.test(req.path)
    const declared = req.headers['content-length']
    const chunked = req.headers['transfer-encoding'] !== undefined
    // A request without a body (a DELETE, a POST /close with nothing to say) needs no type.
    const hasBody = chunked || Number(declared ?? 0) > 0
    if (api && hasBody && !req.is(photo ? 'image/*' : 'application/json')) {
      // JSON bodies are small; only the CBS upload page and a photo take files. Which images
      // the photo route takes (JPEG only) it says itself, per field.
      res.status(415).json({ message: t('nl', photo ? 'photos.error.contentType' : 'error.api.contentType') })
      return
    }
    if (declared === undefined && chunked) return refuse(res, 411, api, 'error.api.contentLength')
    const max = photo
      ? limits.photo
      : api && INTERVENTION_PATH.test(req.path)
        ? limits.intervention
        : api
          ? limits.api
          : UPLOAD_PATHS.has(req.path)
            ? limits.upload
            : limits.form
    if (Number(declared ?? 0) > max) return refuse(res, 413, api, 'error.body.tooLarge', max)
    next()
  }
}

/**
 * Answers at once and closes the connection, so the rest of the body is never read (Node would
 * otherwise read and discard it to keep the connection alive).
 */
function refuse(
  res: Response,
  status: 411 | 413,
  api: boolean,
  key: 'error.api.contentLength' | 'error.body.tooLarge',
  max = 0,
) {
  const text = t('nl', key, { size: formatSize(max) })
  res.status(status).set('Connection', 'close')
  if (api) res.json({ message: text })
  else res.type('html').send(page(text))
}

function formatSize(bytes: number): string {
  return bytes >= MiB ? `${Math.round(bytes / MiB)} MB` : `${Math.round(bytes / KiB)} kB`
}

/** Forms are sent by browsers, which show this page; it must stand on its own (no app around it). */
function page(text: string): string {
  const title = t('nl', 'error.title')
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><main><h1>${title}</h1><p>${text}</p><p><a href="/">${t('nl', 'error.home')}</a></p></main></html>`
}
