import type { LoaderFunctionArgs } from '@remix-run/node'
import { errorJson } from '~/api/responses.server'
import { db } from '~/db.server'
import { message } from '~/i18n'
import { cocktailSummary } from '~/wijken/cocktail-text'
import { formatReason } from '~/wijken/format-view'
import { getWijkProfile } from '~/wijken/profile.server'
import { isWijkCode } from '~/wijken/regions'

/** GET /api/v1/wijken/WK079601 → the wijk's data profile: indicators, references and risk cocktail. */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = (params.code ?? '').toUpperCase()
  if (!isWijkCode(code)) return errorJson(400, { _form: 'error.api.wijkCode' })
  const profile = getWijkProfile(db(), code)
  if (!profile) return errorJson(404, { _form: message('error.api.wijkUnknown', { code }) })
  // The API is Dutch, like its error messages; `reasonText` stays beside the `reason` key for
  // integrations that show it as it is.
  const indicators = profile.indicators.map((i) => ({
    ...i,
    reasonText: i.reason ? formatReason(i.reason, 'nl') : null,
  }))
  // Likewise the cocktail's summary, made from the same keys as on the pages.
  const labels = new Map(profile.indicators.map((i) => [i.code, i.label.nl]))
  const summary = cocktailSummary(
    profile.cocktail,
    { wijk: profile.name, gemeente: profile.gemeente.name, labelOf: (c) => labels.get(c) ?? c },
    'nl',
  )
  return Response.json({ ...profile, indicators, cocktail: { ...profile.cocktail, summary } })
}
