import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../db/client'
import { importBundledData } from '~/wijken/import/import.server'
import { getWijkProfile, type WijkProfile } from '~/wijken/profile.server'
import { formatReason } from '~/wijken/format-view'
import { cocktailSnapshot, cocktailUpdate, indicatorSnapshot, indicatorUpdate } from './snapshot'
import { inwonersSnapshot } from './test-fixtures'

let dir: string
let db: Db
let profile: WijkProfile

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-cards-'))
  db = openDb(path.join(dir, 'test.db'))
  importBundledData(db)
  profile = getWijkProfile(db, 'WK079601')!
})
afterAll(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A copy of the profile with one indicator changed, as after an import of newer figures. */
function withIndicator(p: WijkProfile, code: string, patch: Partial<WijkProfile['indicators'][number]>): WijkProfile {
  const copy = structuredClone(p)
  copy.indicators = copy.indicators.map((i) => (i.code === code ? { ...i, ...patch } : i))
  return copy
}

describe('indicatorSnapshot', () => {
  it('holds the figure, its references, period and source as the profile gives them', () => {
    expect(indicatorSnapshot(profile, 'inwoners')).toEqual(inwonersSnapshot)
  })

  it('keeps a hidden figure null with its reason, never 0', () => {
    const hidden = indicatorSnapshot(profile, 'laag-inkomen')!
    expect(hidden.value).toBeNull()
    expect(hidden.reason).toBe('not-published')
    expect(formatReason(hidden.reason!, 'nl')).toBe('niet gepubliceerd door CBS')
  })

  it('names table, column and period also for a figure the wijk does not have (not just "Bron: CBS")', () => {
    expect(indicatorSnapshot(profile, 'ww')).toMatchObject({
      value: null,
      reason: 'no-data',
      sourceTable: '86003NED',
      sourceColumn: 'Werkloosheidsuitkering_5',
      period: '2024MM09',
    })
  })

  it('gives null for an indicator the profile does not have', () => {
    expect(indicatorSnapshot(profile, 'bestaat-niet')).toBeNull()
  })
})

describe('cocktailSnapshot', () => {
  it('holds the factors, the assessed ones, the risk labels, what was not assessed and why, and the sources', () => {
    const c = cocktailSnapshot(profile)
    // Binnenstad in the bundled data: 2 of 6 factors have figures, neither is a risk.
    expect(c).toMatchObject({
      wijkCode: 'WK079601',
      wijkName: 'Binnenstad',
      factors: 6,
      assessed: 2,
      count: 0,
      riskCodes: [],
      riskLabels: [],
      notAssessed: [
        { code: 'inkomen-per-inwoner', label: { nl: 'Gemiddeld inkomen per inwoner' }, reason: 'not-published' },
        { code: 'laag-inkomen', reason: 'not-published' },
        { code: 'bijstand', label: { en: 'People on social assistance' }, reason: 'no-data' },
        { code: 'ww', reason: 'no-data' },
      ],
      sources: [
        { table: '85984NED', column: 'InBezitWoningcorporatie_49', period: '2024JJ00' },
        { table: '85990NED', column: 'TotaalJongerenMetJeugdzorgInNatura_1', period: '2024HJ01' },
      ],
    })
    expect(c).not.toHaveProperty('summary')
    expect(c.version).toMatch(/jeugdzorg@\d{4}/)
  })
})

describe('update detection', () => {
  const card = () => indicatorSnapshot(profile, 'inwoners')!

  it('finds nothing new in the same profile', () => {
    expect(indicatorUpdate(card(), profile)).toBeNull()
    expect(cocktailUpdate(cocktailSnapshot(profile), profile)).toBeNull()
  })

  it('offers the new snapshot when the value or the period changed', () => {
    expect(indicatorUpdate(card(), withIndicator(profile, 'inwoners', { value: 14000 }))).toMatchObject({
      value: 14000,
    })
    expect(
      indicatorUpdate(card(), withIndicator(profile, 'inwoners', { period: '2025JJ00', periodLabel: '2025' })),
    ).toMatchObject({ period: '2025JJ00', periodLabel: '2025' })
  })

  it('carries the threshold that decided a risk, and offers an update when it changes', () => {
    const judged = withIndicator(profile, 'inwoners', {
      isRisk: true,
      riskDirection: 'higher',
      riskThreshold: 10_000,
    })
    expect(indicatorSnapshot(judged, 'inwoners')).toMatchObject({
      isRisk: true,
      riskThreshold: { value: 10_000, direction: 'higher' },
    })
    // A card placed before the threshold was set (or before cards carried it) is offered the reason.
    expect(indicatorUpdate({ ...card(), isRisk: true }, judged)).toMatchObject({
      riskThreshold: { value: 10_000, direction: 'higher' },
    })
    expect(indicatorUpdate(indicatorSnapshot(judged, 'inwoners')!, judged)).toBeNull()
  })

  it('treats a figure that became hidden as new (null, not 0)', () => {
    const update = indicatorUpdate(card(), withIndicator(profile, 'inwoners', { value: null, reason: 'too-small' }))
    expect(update).toMatchObject({ value: null, reason: 'too-small' })
  })

  it('ignores a profile of another wijk', () => {
    expect(
      indicatorUpdate(card(), { ...withIndicator(profile, 'inwoners', { value: 1 }), code: 'WK079602' }),
    ).toBeNull()
  })

  it('sees a changed cocktail: a newer period or another count', () => {
    const cocktail = cocktailSnapshot(profile)
    const newer = withIndicator(profile, 'jeugdzorg', { period: '2025HJ01' })
    expect(cocktailUpdate(cocktail, newer)?.version).toContain('jeugdzorg@2025HJ01')
    const fewer = structuredClone(profile)
    fewer.cocktail = {
      ...fewer.cocktail,
      count: fewer.cocktail.count + 1,
      riskIndicators: [...fewer.cocktail.riskIndicators, 'ww'],
    }
    expect(cocktailUpdate(cocktail, fewer)).toMatchObject({ count: profile.cocktail.count + 1 })
  })

  it('offers a cocktail card stored before issue 11 (not knowing which factors were missing) an update', () => {
    const stored = { ...cocktailSnapshot(profile), notAssessed: null }
    expect(cocktailUpdate(stored, profile)?.notAssessed).toHaveLength(4)
  })
})
