import { Form } from '@remix-run/react'
import { useId } from 'react'
import { useT } from '~/i18n/use-t'
import { cocktailLine } from '~/wijken/cocktail-text'
import { formatPeriod, formatUnit, formatValue, valueOrReason } from '~/wijken/format-view'
import type { Choropleth } from '~/wijken/profile-types'
import { hiddenStyle } from '~/wijken/map-view'

export interface IndicatorOption {
  code: string
  label: string
}

/**
 * The wijken of a gemeente coloured by one indicator. The indicator switch is a GET form, so it
 * works without JavaScript; with JavaScript it submits on change. Every wijk is a link to its profile
 * with an accessible name (wijk + value).
 */
export function ChoroplethMap({
  map,
  options,
  highlight,
}: {
  map: Choropleth
  options: IndicatorOption[]
  highlight?: string
}) {
  const { t, locale } = useT()
  const id = useId().replace(/:/g, '')
  const { indicator } = map
  const label = indicator.label[locale]
  const fmt = (v: number | null, reason: Parameters<typeof valueOrReason>[1] = null) =>
    valueOrReason(v, reason, indicator.unit, indicator.decimals, locale)
  const unitSuffix =
    indicator.unit === '%' || indicator.unit === 'aantal' ? '' : ` ${formatUnit(indicator.unit, locale)}`
  // The highlighted wijk is drawn last so its outline is on top.
  const shapes = [...map.shapes].sort((a, b) => Number(a.code === highlight) - Number(b.code === highlight))
  return (
    <div className="wk-map">
      <Form method="get" preventScrollReset className="wk-map-switch">
        <div className="field">
          <label htmlFor={`${id}-indicator`}>{t('wijken.map.choose')}</label>
          <select
            id={`${id}-indicator`}
            name="indicator"
            defaultValue={indicator.code}
            key={indicator.code}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          >
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t('wijken.map.show')}
        </button>
      </Form>

      <figure className="wk-map-figure">
        <figcaption>
          <strong>{label}</strong>
          {indicator.level === 'gemeente' ? <span className="wk-level-tag">{t('wijken.level.gemeente')}</span> : null}
          <span className="meta">
            {t('wijken.map.unit', { unit: formatUnit(indicator.unit, locale) })}
            {map.period ? ` · ${formatPeriod(map.period, locale)}` : ''}
          </span>
        </figcaption>
        <svg
          viewBox={`0 0 ${map.width} ${map.height}`}
          className="wk-map-svg"
          aria-labelledby={`${id}-title`}
          data-testid="wijk-map"
          data-indicator={indicator.code}
        >
          <title id={`${id}-title`}>
            {t('wijken.map.svgTitle', { indicator: label, gemeente: map.gemeente.name })}
          </title>
          <defs>
            <pattern
              id={`${id}-hatch`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#f3f3f3" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7680" strokeWidth="2" />
            </pattern>
          </defs>
          {shapes.map((s) => {
            const fill =
              s.classIndex !== null
                ? map.legend[s.classIndex]!.color
                : hiddenStyle(s.reason ?? 'no-data') === 'hatched'
                  ? `url(#${id}-hatch)`
                  : '#d5d9dd'
            const facts = map.cocktail?.byWijk[s.code]
            const name = facts
              ? `${s.name}: ${cocktailLine(facts, locale)}`
              : `${s.name}: ${fmt(s.value, s.reason)}${s.value !== null ? unitSuffix : ''}`
            const current = s.code === highlight
            return (
              <a
                key={s.code}
                href={`/wijken/${s.code}${indicator.code ? `?indicator=${indicator.code}` : ''}`}
                aria-label={current ? `${name} (${t('wijken.map.current')})` : name}
                aria-current={current ? 'page' : undefined}
                className="wk-map-wijk"
                data-code={s.code}
                data-value={s.value ?? ''}
              >
                <path d={s.d} fill={fill} className={current ? 'is-current' : undefined} fillRule="evenodd">
                  <title>{name}</title>
                </path>
              </a>
            )
          })}
        </svg>
        <p className="hint">{t('wijken.map.hint')}</p>
        {map.cocktail ? <p className="hint">{t('wijken.map.cocktailHint')}</p> : null}
      </figure>

      <div className="wk-legend" data-testid="map-legend">
        <h3 className="wk-legend-title">{t('wijken.map.legendUnit', { unit: formatUnit(indicator.unit, locale) })}</h3>
        <ul>
          {map.legend.map((c, i) => (
            <li key={i}>
              <span className="wk-swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.from === c.to
                ? formatValue(c.from, indicator.unit, indicator.decimals, locale)
                : `${formatValue(c.from, indicator.unit, indicator.decimals, locale)} – ${formatValue(c.to, indicator.unit, indicator.decimals, locale)}`}
            </li>
          ))}
          {map.hiddenReasons.some((r) => hiddenStyle(r) === 'hatched') ? (
            <li>
              <span className="wk-swatch wk-swatch-hatched" aria-hidden="true" />
              {t('wijken.map.hatched')}
            </li>
          ) : null}
          {map.hiddenReasons.some((r) => hiddenStyle(r) === 'grey') ? (
            <li>
              <span className="wk-swatch wk-swatch-grey" aria-hidden="true" />
              {t(map.cocktail ? 'wijken.map.cocktailGrey' : 'wijken.map.grey')}
            </li>
          ) : null}
        </ul>
        {indicator.level === 'gemeente' ? <p className="hint">{t('wijken.map.gemeenteLevel')}</p> : null}
        {map.cocktail && !map.cocktail.sameInEveryWijk ? (
          <p className="wk-note" data-testid="map-comparability">
            {t('wijken.gemeente.comparable.within')}
          </p>
        ) : null}
        {map.cocktail ? null : (
          <p className="meta">
            {t('wijken.map.reference', {
              gemeente: map.gemeente.name,
              gemeenteValue: fmt(map.gemeenteValue) + (map.gemeenteValue !== null ? unitSuffix : ''),
              nationalValue: fmt(map.nationalValue) + (map.nationalValue !== null ? unitSuffix : ''),
            })}
          </p>
        )}
        {map.source && map.period ? (
          <p className="meta">
            {t('wijken.map.source', {
              table: map.source.table,
              column: map.source.column,
              period: formatPeriod(map.period, locale),
            })}{' '}
            {t('wijken.attribution.map')}
          </p>
        ) : null}
      </div>
    </div>
  )
}
