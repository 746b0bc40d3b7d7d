/** What the wijk pages need beside the data layer's results: table titles, select options. */
import type { Locale } from '~/i18n'
import { cbsTables } from './import/tables'
import { t } from '~/i18n'
import { indicatorCatalogue } from './indicators'
import { COCKTAIL_LAYER } from './map.server'

/** CBS table id → its title, for footnotes. */
export const tableTitles = (): Record<string, string> =>
  Object.fromEntries(Object.values(cbsTables).map((t) => [t.id, t.title]))

/**
 * The indicators a map can show, in catalogue order: those with figures for the gemeente
 * (`withFigures`, see GemeenteWijken), so no option colours every wijk grey; then `own`, the
 * gemeente's own indicators with figures.
 */
export const mapOptions = (
  locale: Locale,
  withFigures?: readonly string[],
  withCocktail = false,
  own: readonly { code: string; label: { nl: string; en: string } }[] = [],
) => [
  ...(withCocktail ? [{ code: COCKTAIL_LAYER, label: t(locale, 'wijken.map.cocktail') }] : []),
  ...indicatorCatalogue
    .filter((d) => !withFigures || withFigures.includes(d.code))
    .map((d) => ({ code: d.code, label: d.label[locale] })),
  // an organisation's own figures, after the catalogue (they have figures here: GemeenteWijken.ownIndicators)
  ...own.map((o) => ({ code: o.code, label: o.label[locale] })),
]

/** Indicator code → its label in the reader's language, for texts that name factors. */
export const indicatorLabels = (locale: Locale): Record<string, string> =>
  Object.fromEntries(indicatorCatalogue.map((d) => [d.code, d.label[locale]]))
