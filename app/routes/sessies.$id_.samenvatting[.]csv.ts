import type { LoaderFunctionArgs } from '@remix-run/node'
import { db } from '~/db.server'
import { getLocale } from '~/i18n/locale.server'
import { requireOwnSession } from '~/sessions/own-session.server'
import { summaryCsvResponse } from '~/summary/summary-response.server'
import { sessionSummary } from '~/summary/summary.server'

/** The summary's contributions as CSV (facilitators): the same as `/samenvatting?format=csv`. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { session } = await requireOwnSession(db(), request, params.id)
  const summary = await sessionSummary(db(), context.collab, session)
  return summaryCsvResponse(summary, await getLocale(request), session.createdAt)
}
