/**
 * Wijk boundaries as SVG paths, made on the server so the browser only gets path strings.
 * Source: CBS Wijk- en buurtkaart 2024 via PDOK (CC BY 4.0), WGS84 lon/lat, already simplified
 * (see db/data/cbs/README.md). The file is read once and kept in memory.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../../db/client'
import { indicatorByCode } from './indicators'
import { classIndexOf, legendClasses } from './map-view'
import type { HiddenReason } from './privacy'
import { t } from '~/i18n'
import { getIndicatorByWijk, listGemeenteWijken } from './profile.server'

import type { Choropleth, ChoroplethShape } from './profile-types'

export type { Choropleth, ChoroplethShape }

export const BOUNDARIES_FILE = 'wijken_2024_pdok_simplified_gm0855_gm0796_gm0758.geojson'

type Ring = [number, number][]
export interface WijkFeature {
  code: string
  name: string
  gemeenteCode: string
  /** Polygons, each a list of rings (outer first), in lon/lat. */
  polygons: Ring[][]
}

export interface ProjectedShape {
  code: string
  name: string
  d: string
}

export interface ProjectedMap {
  width: number
  height: number
  shapes: ProjectedShape[]
}

/**
 * Projects lon/lat polygons to SVG coordinates: an equirectangular projection around the mean
 * latitude (x scaled by cos(latitude) so shapes keep their aspect), y flipped (north up), scaled
 * to `width` with `padding`, rounded to 0.1 px; points that round onto the previous one are dropped.
 */
export function projectFeatures(features: WijkFeature[], width = 600, padding = 4): ProjectedMap {
  let minLon = Infinity
  let maxLon = -Infinity
  let minLat = Infinity
  let maxLat = -Infinity
  for (const f of features)
    for (const poly of f.polygons)
      for (const ring of poly)
        for (const [lon, lat] of ring) {
          if (lon < minLon) minLon = lon
          if (lon > maxLon) maxLon = lon
          if (lat < minLat) minLat = lat
          if (lat > maxLat) maxLat = lat
        }
  if (!Number.isFinite(minLon)) return { width, height: 0, shapes: [] }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const spanX = Math.max((maxLon - minLon) * kx, 1e-9)
  const spanY = Math.max(maxLat - minLat, 1e-9)
  const scale = (width - 2 * padding) / spanX
  const height = Math.round(spanY * scale + 2 * padding)
  const r = (v: number) => Math.round(v * 10) / 10
  const toD = (ring: Ring) => {
    const pts: string[] = []
    let last = ''
    for (const [lon, lat] of ring) {
      const p = `${r(padding + (lon - minLon) * kx * scale)},${r(padding + (maxLat - lat) * scale)}`
      if (p !== last) pts.push(p)
      last = p
    }
    return pts.length >= 3 ? `M${pts.join('L')}Z` : ''
  }
  return {
    width,
    height,
    shapes: features.map((f) => ({
      code: f.code,
      name: f.name,
      d: f.polygons.flatMap((poly) => poly.map(toD)).join(''),
    })),
  }
}

/** Parses the GeoJSON FeatureCollection of wijken (Polygon and MultiPolygon). */
export function parseBoundaries(text: string): WijkFeature[] {
  const json = JSON.parse(text) as {
    features: {
      properties: Record<string, unknown>
      geometry: { type: string; coordinates: unknown } | null
    }[]
  }
  const out: WijkFeature[] = []
  for (const f of json.features) {
    const g = f.geometry
    if (!g) continue
    const polygons =
      g.type === 'Polygon' ? [g.coordinates as Ring[]] : g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]) : []
    out.push({
      code: String(f.properties.wijkcode ?? ''),
      name: String(f.properties.wijknaam ?? ''),
      gemeenteCode: String(f.properties.gemeentecode ?? ''),
      polygons,
    })
  }
  return out
}

/** The bundled file, found from this module (source or build) or from the working directory. */
export function boundariesPath(): string {
  const rel = path.join('db', 'data', 'cbs', BOUNDARIES_FILE)
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, rel)
    if (fs.existsSync(candidate)) return candidate
    dir = path.dirname(dir)
  }
  return path.resolve(process.cwd(), rel)
}

let byGemeente: Map<string, ProjectedMap> | null = null

/** The projected wijken of one gemeente, or null when the boundary file has none of it. */
export function gemeenteShapes(gemeenteCode: string): ProjectedMap | null {
  if (!byGemeente) {
    const features = parseBoundaries(fs.readFileSync(boundariesPath(), 'utf8'))
    const groups = new Map<string, WijkFeature[]>()
    for (const f of features) groups.set(f.gemeenteCode, [...(groups.get(f.gemeenteCode) ?? []), f])
    byGemeente = new Map([...groups].map(([code, fs]) => [code, projectFeatures(fs)]))
  }
  return byGemeente.get(gemeenteCode) ?? null
}

/**
 * One indicator on the map of a gemeente's wijken. Every value comes from the data layer
 * (getIndicatorByWijk), so the privacy guard has already hidden what may not be shown.
 */
export function choroplethFor(db: Db, gemeenteCode: string, indicatorCode: string): Choropleth | null {
  const data = getIndicatorByWijk(db, gemeenteCode, indicatorCode)
  const shapes = gemeenteShapes(gemeenteCode)
  if (!data || !shapes) return null
  const { decimals } = data.indicator
  const byCode = new Map(data.wijken.map((w) => [w.code, w]))
  const shown = shapes.shapes.map((s) => byCode.get(s.code)?.value).filter((v): v is number => v != null)
  const legend = legendClasses(shown, decimals)
  const result: ChoroplethShape[] = shapes.shapes.map((s) => {
    const w = byCode.get(s.code)
    const value = w?.value ?? null
    const reason: HiddenReason | null = w ? w.reason : 'no-data'
    return {
      code: s.code,
      name: w?.name ?? s.name,
      d: s.d,
      value,
      reason: value === null ? (reason ?? 'no-data') : null,
      classIndex: value === null ? null : classIndexOf(value, legend, decimals),
    }
  })
  const first = data.wijken.find((w) => w.period) ?? data.wijken[0]
  return {
    gemeente: data.gemeente,
    indicator: data.indicator,
    width: shapes.width,
    height: shapes.height,
    shapes: result,
    legend,
    hiddenReasons: [...new Set(result.map((s) => s.reason).filter((r): r is HiddenReason => r !== null))],
    gemeenteValue: data.gemeenteValue,
    nationalValue: data.nationalValue,
    period: first?.period ?? null,
    source: data.wijken.find((w) => w.source)?.source ?? null,
  }
}

/** The map layer that colours each wijk by its risk cocktail, offered beside the indicators. */
export const COCKTAIL_LAYER = 'risicococktail'

/**
 * The risk cocktail on the map: each wijk coloured by how many of its assessed factors are a
 * risk; a wijk where no factor could be assessed is grey ("niet te bepalen"), never 0.
 */
export function cocktailChoropleth(db: Db, gemeenteCode: string): Choropleth | null {
  const list = listGemeenteWijken(db, gemeenteCode)
  const shapes = gemeenteShapes(gemeenteCode)
  if (!list || !shapes) return null
  const byCode = new Map(list.wijken.map((w) => [w.code, w]))
  const valueOf = (code: string) => {
    const c = byCode.get(code)?.cocktail
    return c && c.assessed > 0 ? c.count : null
  }
  const legend = legendClasses(
    shapes.shapes.map((s) => valueOf(s.code)).filter((v): v is number => v !== null),
    0,
  )
  const result: ChoroplethShape[] = shapes.shapes.map((s) => {
    const value = valueOf(s.code)
    return {
      code: s.code,
      name: byCode.get(s.code)?.name ?? s.name,
      d: s.d,
      value,
      reason: value === null ? 'no-data' : null,
      classIndex: value === null ? null : classIndexOf(value, legend, 0),
    }
  })
  const assessed = new Set(list.wijken.map((w) => w.cocktail.assessedIndicators.join(',')))
  return {
    gemeente: { code: list.code, name: list.name },
    indicator: {
      code: COCKTAIL_LAYER,
      label: { nl: t('nl', 'wijken.map.cocktail'), en: t('en', 'wijken.map.cocktail') },
      unit: COCKTAIL_UNIT,
      level: 'wijk',
      decimals: 0,
      sameTopicAs: null,
    },
    width: shapes.width,
    height: shapes.height,
    shapes: result,
    legend,
    hiddenReasons: result.some((s) => s.value === null) ? ['no-data'] : [],
    gemeenteValue: null,
    nationalValue: null,
    period: null,
    source: null,
    cocktail: {
      byWijk: Object.fromEntries(
        list.wijken.map((w) => [
          w.code,
          {
            factors: w.cocktail.factors,
            assessed: w.cocktail.assessed,
            count: w.cocktail.count,
            riskIndicators: w.cocktail.riskIndicators,
            notAssessed: w.cocktail.notAssessed,
          },
        ]),
      ),
      sameInEveryWijk: assessed.size <= 1,
    },
  }
}

/** The unit of the cocktail layer (format-view.ts names it in the reader's language). */
export const COCKTAIL_UNIT = 'ongunstige factoren'

/** Indicators to try, in order, when the page does not name one: the first with any wijk figure. */
const DEFAULT_MAP_INDICATORS = ['jeugdzorg', 'corporatiewoningen', 'inwoners']

/**
 * The requested indicator when it exists (and is among `available`, the indicators with figures
 * for this gemeente, when given), else the first default that has figures on this map.
 */
export function choroplethForRequest(
  db: Db,
  gemeenteCode: string,
  requested: string | null,
  available?: readonly string[],
): Choropleth | null {
  if (requested === COCKTAIL_LAYER) {
    const map = cocktailChoropleth(db, gemeenteCode)
    if (map && map.shapes.some((s) => s.value !== null)) return map
  }
  // A catalogue indicator, or an own one the gemeente has figures of (own codes are only known from `available`).
  const offered = (code: string) => (available ? available.includes(code) : indicatorByCode.has(code))
  if (requested && offered(requested)) return choroplethFor(db, gemeenteCode, requested)
  let fallback: Choropleth | null = null
  for (const code of [...DEFAULT_MAP_INDICATORS, ...(available ?? [])]) {
    if (!offered(code)) continue
    const map = choroplethFor(db, gemeenteCode, code)
    if (map && map.shapes.some((s) => s.value !== null)) return map
    fallback ??= map
  }
  return fallback
}
