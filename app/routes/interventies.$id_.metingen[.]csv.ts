import type { LoaderFunctionArgs } from '@remix-run/node'
import { db } from '~/db.server'
import { getLocale } from '~/i18n/locale.server'
import { requireInterventionAccess } from '~/interventions/access.server'
import { interventionView } from '~/interventions/interventions.server'
import { measurementsCsv } from '~/interventions/measurements-csv'

/** The measurements as CSV for Excel NL. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { intervention, access } = await requireInterventionAccess(db(), request, params.id)
  const csv = measurementsCsv(interventionView(db(), intervention, access === 'edit'), await getLocale(request))
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="metingen-${intervention.id}.csv"`,
    },
  })
}
