import { describe, expect, it } from 'vitest'
import { indicatorByCode } from '~/wijken/indicators'
import type { IndicatorResult, WijkProfile } from '~/wijken/profile-types'
import {
  baselineFromProfile,
  findMetric,
  metricCatalogue,
  metricCodes,
  valueRange,
  type MetricDefinition,
} from './metrics'

function indicator(code: string, value: number | null, over: Partial<IndicatorResult> = {}): IndicatorResult {
  const def = indicatorByCode.get(code)!
  return {
    code,
    label: def.label,
    unit: def.unit,
    level: def.level,
    decimals: def.decimals,
    sameTopicAs: null,
    value,
    reason: value === null ? 'too-small' : null,
    period: '2024JJ00',
    periodLabel: '2024',
    newer: null,
    source:
      def.level === 'gemeente'
        ? { table: '85098NED', column: code === 'jeugdhulp-gemeente' ? 'JongerenMetJeugdhulpInNatura' : 'X' }
        : { table: '85985NED', column: 'TotaalJongerenMetJeugdzorgInNatura' },
    sources: [],
    gemeenteValue: null,
    nationalValue: null,
    difference: null,
    differenceNational: null,
    riskDirection: 'higher',
    inCocktail: false,
    isRisk: null,
    trend: [],
    ...over,
  }
}

const profile = (indicators: IndicatorResult[]): WijkProfile => ({
  code: 'WK085501',
  name: 'Centrum',
  gemeente: { code: 'GM0855', name: 'Tilburg' },
  indicators,
  cocktail: {} as WijkProfile['cocktail'],
  attribution: 'CBS',
})

const metric = (code: string) => findMetric(code) as MetricDefinition

describe('the metric catalogue', () => {
  it('has the outcomes the programme steers on, each once', () => {
    const codes = metricCatalogue.map((m) => m.code)
    expect(codes).toEqual([...metricCodes])
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual(
      expect.arrayContaining([
        'uithuisplaatsing',
        'jeugdbescherming',
        'jeugdzorg',
        'speciaal-onderwijs',
        'eindtoets-1f',
        'eindtoets-2f-1s',
        'bereik-gezinnen',
        'bereik-kinderen',
      ]),
    )
  })

  it('takes profile baselines only from indicators that exist, at the level the indicator catalogue says', () => {
    for (const m of metricCatalogue) {
      if (!m.fromProfile) continue
      for (const code of m.fromProfile.indicators) {
        expect(indicatorByCode.get(code)?.level, `${m.code}: ${code}`).toBe(m.fromProfile.level)
      }
    }
  })

  it('knows which way is good', () => {
    expect(metric('uithuisplaatsing').direction).toBe('lower')
    expect(metric('speciaal-onderwijs').direction).toBe('lower')
    expect(metric('eindtoets-1f').direction).toBe('higher')
    expect(metric('bereik-kinderen').direction).toBe('higher')
  })

  it('finds a metric by code and nothing else', () => {
    expect(findMetric('jeugdzorg')?.unitKind).toBe('per1000')
    expect(findMetric('onbekend')).toBeUndefined()
    expect(findMetric(42)).toBeUndefined()
    expect(findMetric('toString')).toBeUndefined()
  })

  it('limits values by unit', () => {
    expect(valueRange(metric('eindtoets-1f'))).toEqual({ min: 0, max: 100, integer: false })
    expect(valueRange(metric('jeugdzorg'))).toEqual({ min: 0, max: 1000, integer: false })
    expect(valueRange(metric('bereik-gezinnen'))).toEqual({ min: 0, max: 10_000_000, integer: true })
  })
})

describe('baselineFromProfile', () => {
  it('derives out-of-home placements per 1.000 from the two gemeente percentages, at gemeente level', () => {
    const result = baselineFromProfile(
      metric('uithuisplaatsing'),
      profile([indicator('jeugdhulp-gemeente', 12.3), indicator('jeugdhulp-met-verblijf-gemeente', 8.6)]),
    )
    // 12.3% × 8.6% = 1.0578% of all young people = 10.578 per 1.000, shown with one decimal.
    expect(result).toEqual({
      ok: true,
      value: 10.6,
      date: '2024-12-31',
      source: {
        kind: 'data',
        indicators: ['jeugdhulp-gemeente', 'jeugdhulp-met-verblijf-gemeente'],
        regionCode: 'GM0855',
        level: 'gemeente',
        table: '85098NED',
        column: 'JongerenMetJeugdhulpInNatura, X',
        period: '2024JJ00',
      },
    })
    expect(metric('uithuisplaatsing').fromProfile?.explanation.nl).toMatch(/gemeente/)
  })

  it('turns the youth-protection percentage into per 1.000', () => {
    const result = baselineFromProfile(
      metric('jeugdbescherming'),
      profile([indicator('jeugdbescherming-gemeente', 1.2, { period: '2024HJ01' })]),
    )
    expect(result).toMatchObject({ ok: true, value: 12, date: '2024-06-30', source: { regionCode: 'GM0855' } })
  })

  it('takes youth care from the wijk itself', () => {
    const result = baselineFromProfile(
      metric('jeugdzorg'),
      profile([indicator('jeugdzorg', 87.4, { period: '2023JJ00' })]),
    )
    expect(result).toEqual({
      ok: true,
      value: 87.4,
      date: '2023-12-31',
      source: {
        kind: 'data',
        indicators: ['jeugdzorg'],
        regionCode: 'WK085501',
        level: 'wijk',
        table: '85985NED',
        column: 'TotaalJongerenMetJeugdzorgInNatura',
        period: '2023JJ00',
      },
    })
  })

  it('says why when there is no baseline in the data', () => {
    const p = profile([indicator('jeugdzorg', 87.4)])
    expect(baselineFromProfile(metric('speciaal-onderwijs'), p)).toEqual({ ok: false, reason: 'not-in-data' })
    expect(baselineFromProfile(metric('uithuisplaatsing'), p)).toEqual({ ok: false, reason: 'not-in-data' })
    expect(baselineFromProfile(metric('jeugdzorg'), profile([indicator('jeugdzorg', null)]))).toEqual({
      ok: false,
      reason: 'hidden',
    })
    expect(
      baselineFromProfile(
        metric('jeugdzorg'),
        profile([indicator('jeugdzorg', null, { reason: 'no-data', period: null })]),
      ),
    ).toEqual({ ok: false, reason: 'no-value' })
  })

  it('never multiplies a hidden figure in, nor figures of different periods', () => {
    expect(
      baselineFromProfile(
        metric('uithuisplaatsing'),
        profile([indicator('jeugdhulp-gemeente', 12.3), indicator('jeugdhulp-met-verblijf-gemeente', null)]),
      ),
    ).toEqual({ ok: false, reason: 'hidden' })
    expect(
      baselineFromProfile(
        metric('uithuisplaatsing'),
        profile([
          indicator('jeugdhulp-gemeente', 12.3, { period: '2023JJ00' }),
          indicator('jeugdhulp-met-verblijf-gemeente', 8.6),
        ]),
      ),
    ).toEqual({ ok: false, reason: 'no-value' })
  })
})
