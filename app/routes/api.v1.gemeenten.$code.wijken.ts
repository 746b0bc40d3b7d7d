import type { LoaderFunctionArgs } from '@remix-run/node'
import { errorJson } from '~/api/responses.server'
import { db } from '~/db.server'
import { message } from '~/i18n'
import { listGemeenteWijken } from '~/wijken/profile.server'
import { isGemeenteCode } from '~/wijken/regions'

/** GET /api/v1/gemeenten/GM0796/wijken → the gemeente's wijken with inhabitants and cocktail count. */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = (params.code ?? '').toUpperCase()
  if (!isGemeenteCode(code)) return errorJson(400, { _form: 'error.api.gemeenteCode' })
  const list = listGemeenteWijken(db(), code)
  if (!list) return errorJson(404, { _form: message('error.api.gemeenteUnknown', { code }) })
  // `cocktailCount`, `cocktailAssessed` and `riskIndicators` as before issue 11, beside the whole cocktail.
  const wijken = list.wijken.map((w) => ({
    ...w,
    cocktailCount: w.cocktail.count,
    cocktailAssessed: w.cocktail.assessed,
    riskIndicators: w.cocktail.riskIndicators,
  }))
  return Response.json({ ...list, wijken })
}
