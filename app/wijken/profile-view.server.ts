/** What the wijk pages need beside the data layer's results: table titles, select options. */
import type { Locale } from '~/i18n'
import { cbsTables } from './import/tables'
import { indicatorCatalogue } from './indicators'

/** CBS table id → its title, for footnotes. */
export const tableTitles = (): Record<string, string> =>
  Object.fromEntries(Object.values(cbsTables).map((t) => [t.id, t.title]))

/** The indicators a map can show, in catalogue order. */
export const mapOptions = (locale: Locale) => indicatorCatalogue.map((d) => ({ code: d.code, label: d.label[locale] }))
