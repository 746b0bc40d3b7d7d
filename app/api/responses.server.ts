import type { CommandResult } from '~/auth/commands.server'
import { t, translateAll } from '~/i18n'
import { readJsonObject } from '~/validation'

/** `{ message, errors: { field: message } }` with the status, as every API error is shaped. */
export function errorJson(status: number, errors: Record<string, string>, headers?: HeadersInit): Response {
  const dutch = translateAll('nl', errors)
  const message = dutch._form ?? t('nl', status === 400 ? 'error.api.invalid' : 'error.api.failed')
  return Response.json({ message, errors: dutch }, { status, headers })
}

/** A command's refusal; a throttled or busy one says when to come back (Retry-After, seconds). */
export function failed(result: Extract<CommandResult<unknown>, { ok: false }>): Response {
  const headers = result.retryAfter ? { 'Retry-After': String(result.retryAfter) } : undefined
  return errorJson(result.status, result.errors, headers)
}

/** The JSON body of an API request, or the 400 response to send instead. */
export async function jsonBody(request: Request): Promise<Record<string, unknown> | Response> {
  const body = await readJsonObject(request)
  return body.ok ? body.value : errorJson(400, body.errors)
}

export function methodNotAllowed(allowed: string): Response {
  return Response.json(
    { message: t('nl', 'error.api.method', { allowed }) },
    { status: 405, headers: { Allow: allowed } },
  )
}
