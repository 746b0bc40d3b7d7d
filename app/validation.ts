import { z } from 'zod'

/** Per-field Dutch messages for a failed parse: `{ field: message }`, the first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form'
    out[key] ??= issue.message
  }
  return out
}

/** Parses a JSON request body; a body that is not a JSON object yields a form-level message. */
export async function readJsonObject(
  request: Request,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; errors: Record<string, string> }> {
  let body: unknown
  try {
    // No body at all is an empty object: `POST …/close` or a DELETE need not send `{}`.
    const text = await request.text()
    body = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    return { ok: false, errors: { _form: 'error.api.jsonInvalid' } }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: { _form: 'error.api.jsonNotObject' } }
  }
  return { ok: true, value: body as Record<string, unknown> }
}

export const requiredString = (message: string, max: number, tooLong: string) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(max, { error: tooLong })
