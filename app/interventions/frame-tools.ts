/**
 * What the canvas's intervention tools (FrameInterventionTools.tsx) decide without a browser:
 * which intervention a frame belongs to, what the start dialog is prefilled with, the API's
 * messages in the reader's language, a picture as base64. Free of tldraw and React.
 */
import { t, translate, type Locale } from '~/i18n'
import { nl } from '~/i18n/nl'

/**
 * A frame's link to an intervention, as the server mirrors it into the frame's meta (the
 * intervention_frames table is the record; the meta only tells the canvas).
 */
export interface FrameLink {
  interventionId: string | null
  /** the version this frame was restored from */
  restoredFrom: number | null
}

export function frameLink(meta: unknown): FrameLink {
  const m = (meta && typeof meta === 'object' ? meta : {}) as Record<string, unknown>
  const id = typeof m.interventionId === 'string' && m.interventionId !== '' ? m.interventionId : null
  const from = typeof m.restoredFrom === 'number' && Number.isInteger(m.restoredFrom) ? m.restoredFrom : null
  return { interventionId: id, restoredFrom: from }
}

/** The step templates' own frame names (Dutch and English): a name nobody chose. */
const templateTitles = new Set(
  Object.keys(nl)
    .filter((key) => /^template\.[^.]+\.title$/.test(key))
    .flatMap((key) =>
      (['nl', 'en'] as const).map((locale) =>
        t(locale, key as keyof typeof nl)
          .trim()
          .toLowerCase(),
      ),
    ),
)

const HMW = /^(hoe kunnen wij|how might we)\b/i

/**
 * The start dialog's fields, from the frame's name: a name someone gave it is the title, a name
 * that is a "Hoe kunnen wij …?" question is the question; otherwise the question starts with
 * "Hoe kunnen wij " for the facilitator to finish, and a template's own name is not a title.
 */
export function startDefaults(frameName: string, locale: Locale): { title: string; question: string } {
  const name = frameName.trim().replace(/\s+/g, ' ')
  const prefix = t(locale, 'intervention-canvas.question.prefix')
  if (name === '' || templateTitles.has(name.toLowerCase())) return { title: '', question: prefix }
  if (HMW.test(name)) return { title: '', question: name }
  return { title: name, question: prefix }
}

/** The question as typed, or empty when it is only the prefilled start. */
export function questionOrEmpty(question: string, locale: Locale): string {
  const q = question.trim()
  return q === t(locale, 'intervention-canvas.question.prefix').trim() ? '' : q
}

// --- the API's messages in the reader's language ---------------------------------------------

let exact: Map<string, string> | undefined
let patterns: { re: RegExp; key: string; names: string[]; fixed: number }[] | undefined

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function indexDutch() {
  exact = new Map()
  patterns = []
  for (const [key, text] of Object.entries(nl)) {
    const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
    if (names.length === 0) {
      if (!exact.has(text)) exact.set(text, key)
      continue
    }
    const literal = text.split(/\{\w+\}/)
    const re = new RegExp(`^${literal.map(escape).join('(.+?)')}$`)
    patterns.push({ re, key, names, fixed: literal.join('').length })
  }
  // The most specific first: "Wijk {code} is niet bekend." before "Wijk {code}".
  patterns.sort((a, b) => b.fixed - a.fixed)
}

/**
 * A message from the API in the reader's language. The API sends keys or, as its error bodies
 * do (app/api/responses.server.ts), the Dutch text: a Dutch text that is one of the app's
 * messages is shown as that message in the reader's language, with its variables; any other
 * text is shown as it is.
 */
export function inReaderLanguage(locale: Locale, text: string): string {
  const translated = translate(locale, text)
  if (translated !== text || locale === 'nl') return translated
  if (!exact || !patterns) indexDutch()
  const key = exact!.get(text)
  if (key) return t(locale, key as keyof typeof nl)
  for (const { re, key: pattern, names } of patterns!) {
    const match = re.exec(text)
    if (match) return t(locale, pattern as keyof typeof nl, Object.fromEntries(names.map((n, i) => [n, match[i + 1]])))
  }
  return text
}

/** `{ errors: { field: message } }` of an API answer, each in the reader's language; else its `message`. */
export function apiErrors(json: unknown, locale: Locale): Record<string, string> {
  const body = (json && typeof json === 'object' ? json : {}) as { errors?: unknown; message?: unknown }
  const out: Record<string, string> = {}
  if (body.errors && typeof body.errors === 'object') {
    for (const [field, message] of Object.entries(body.errors as Record<string, unknown>)) {
      if (typeof message === 'string' && message !== '') out[field] = inReaderLanguage(locale, message)
    }
  }
  if (Object.keys(out).length === 0) {
    out._form =
      typeof body.message === 'string' && body.message !== ''
        ? inReaderLanguage(locale, body.message)
        : t(locale, 'intervention-canvas.error.failed')
  }
  return out
}

// --- pictures --------------------------------------------------------------------------------

/** A blob (the PNG tldraw renders) as plain base64, without a `data:` prefix. */
export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
