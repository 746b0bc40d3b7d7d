import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { importBundledData } from './import/import.server'
import {
  BOUNDARIES_FILE,
  COCKTAIL_LAYER,
  choroplethFor,
  choroplethForRequest,
  gemeenteShapes,
  parseBoundaries,
  projectFeatures,
  type WijkFeature,
} from './map.server'

const square = (code: string, lon: number, lat: number, size: number): WijkFeature => ({
  code,
  name: code,
  gemeenteCode: 'GM0001',
  polygons: [
    [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  ],
})

/** Every x,y of a path. */
const points = (d: string) =>
  [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number])

describe('projectFeatures', () => {
  it('puts north at the top (y flipped) and east on the right', () => {
    const map = projectFeatures([square('south', 5, 51, 0.01), square('north', 5, 51.1, 0.01)], 600, 0)
    const ys = (code: string) => points(map.shapes.find((s) => s.code === code)!.d).map((p) => p[1])
    expect(Math.max(...ys('north'))).toBeLessThan(Math.min(...ys('south')))
  })

  it('corrects the aspect with cos(latitude): a 1°×1° cell at 51.5° is taller than wide', () => {
    const map = projectFeatures([square('a', 5, 51, 1)], 600, 0)
    expect(map.width).toBe(600)
    expect(map.height).toBeCloseTo(600 / Math.cos((51.5 * Math.PI) / 180), -1)
  })

  it('rounds to 0.1 px and drops points that round onto the previous one', () => {
    const f = square('a', 5, 51, 0.01)
    f.polygons[0]![0]!.splice(1, 0, [5.0000001, 51])
    const d = projectFeatures([f], 100, 0).shapes[0]!.d
    expect(d).toMatch(/^M[\d.,L]+Z$/)
    expect(points(d)).toHaveLength(5)
  })

  it('returns an empty map without features', () => {
    expect(projectFeatures([])).toEqual({ width: 600, height: 0, shapes: [] })
  })
})

describe('gemeenteShapes (the bundled PDOK boundaries)', () => {
  it("has the 14 wijken of 's-Hertogenbosch, with north at the top", () => {
    const map = gemeenteShapes('GM0796')!
    expect(map.shapes).toHaveLength(14)
    expect(map.height).toBeGreaterThan(100)
    const features = parseBoundaries(fs.readFileSync(path.resolve('db/data/cbs', BOUNDARIES_FILE), 'utf8')).filter(
      (f) => f.gemeenteCode === 'GM0796',
    )
    const mean = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / xs.length
    const lat = (code: string) => mean(features.find((f) => f.code === code)!.polygons[0]![0]!.map((p) => p[1]))
    const y = (code: string) => mean(points(map.shapes.find((s) => s.code === code)!.d).map((p) => p[1]))
    // Sorting by latitude (north first) gives the same order as sorting by y (top first).
    const codes = map.shapes.map((s) => s.code)
    const byLat = [...codes].sort((a, b) => lat(b) - lat(a))
    const byY = [...codes].sort((a, b) => y(a) - y(b))
    expect(byY).toEqual(byLat)
  })

  it('knows Breda and Tilburg, and nothing else', () => {
    expect(gemeenteShapes('GM0758')!.shapes).toHaveLength(11)
    expect(gemeenteShapes('GM0855')!.shapes).toHaveLength(59)
    expect(gemeenteShapes('GM0363')).toBeNull()
  })
})

describe('choroplethFor (with the bundled data)', () => {
  let dir: string
  let db: Db
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-map-'))
    db = openDb(path.join(dir, 'test.db'))
    importBundledData(db)
  })
  afterAll(() => {
    db.$client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('classes every shown wijk and keeps hidden figures hidden', () => {
    const map = choroplethFor(db, 'GM0796', 'eenouder-jeugdzorg')!
    const vinkel = map.shapes.find((s) => s.code === 'WK079614')!
    expect(vinkel).toMatchObject({ value: null, reason: 'suppressed', classIndex: null })
    expect(map.hiddenReasons).toEqual(['suppressed'])
    for (const s of map.shapes.filter((s) => s.value !== null)) {
      const c = map.legend[s.classIndex!]!
      expect(s.value!).toBeGreaterThanOrEqual(c.from)
      expect(s.value!).toBeLessThanOrEqual(c.to)
    }
    const binnenstad = map.shapes.find((s) => s.code === 'WK079601')!
    expect(binnenstad.value).toBe(36.8)
  })

  it('shows a gemeente-only figure as one class for all wijken', () => {
    const map = choroplethFor(db, 'GM0796', 'jeugdbescherming-gemeente')!
    expect(map.indicator.level).toBe('gemeente')
    expect(map.legend).toHaveLength(1)
  })

  it('falls back to a default with figures when the indicator is unknown or missing', () => {
    expect(choroplethForRequest(db, 'GM0796', 'bestaat-niet')!.indicator.code).toBe('jeugdzorg')
    expect(choroplethForRequest(db, 'GM0855', null)!.indicator.code).toBe('inwoners')
    expect(choroplethFor(db, 'GM9999', 'jeugdzorg')).toBeNull()
  })

  it('offers only what the gemeente has figures for: income in Tilburg falls back to inhabitants', () => {
    expect(choroplethForRequest(db, 'GM0855', 'inkomen-per-inwoner', ['inwoners'])!.indicator.code).toBe('inwoners')
  })

  it('draws the risk cocktail: the count per wijk, grey where no factor could be assessed, never 0', () => {
    const map = choroplethForRequest(db, 'GM0758', COCKTAIL_LAYER)!
    expect(map.indicator).toMatchObject({ code: COCKTAIL_LAYER, label: { nl: 'Risicococktail', en: 'Risk cocktail' } })
    const centrum = map.shapes.find((s) => s.code === 'WK075800')!
    expect(centrum).toMatchObject({ value: 3, reason: null })
    expect(map.cocktail!.byWijk.WK075800).toMatchObject({ factors: 6, assessed: 4, count: 3 })
    expect(typeof map.cocktail!.sameInEveryWijk).toBe('boolean')
    // Tilburg has no assessable factor in any wijk: no cocktail map, the default map instead.
    expect(choroplethForRequest(db, 'GM0855', COCKTAIL_LAYER)!.indicator.code).toBe('inwoners')
  })
})
