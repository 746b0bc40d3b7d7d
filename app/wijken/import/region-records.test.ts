import { describe, expect, it } from 'vitest'
import { keepRegion, regionRecord, type NormalizedRegion } from './region-records'

describe('regionRecord', () => {
  it('names a wijk by its title and knows its gemeente', () => {
    expect(regionRecord('WK079601', 'Binnenstad', "'s-Hertogenbosch")).toEqual({
      code: 'WK079601',
      level: 'wijk',
      name: 'Binnenstad',
      gemeenteCode: 'GM0796',
      hasTitle: true,
    })
  })

  it('names a gemeente by Gemeentenaam first, then by its title without "(gemeente)"', () => {
    expect(regionRecord('GM0796', 'GM0796', "'s-Hertogenbosch")).toMatchObject({
      name: "'s-Hertogenbosch",
      hasTitle: true,
    })
    expect(regionRecord('GM0758', 'Breda (gemeente)', '')).toMatchObject({ name: 'Breda', hasTitle: true })
  })

  it('falls back to the code when the row has only a code, and says so', () => {
    expect(regionRecord('BU07960101', 'BU07960101', '')).toMatchObject({ name: 'BU07960101', hasTitle: false })
    expect(regionRecord('NL00', '', '')).toMatchObject({ name: 'Nederland', level: 'land', hasTitle: true })
  })
})

describe('keepRegion', () => {
  it('keeps the first record, unless a later one brings the title the first lacked', () => {
    const regions = new Map<string, NormalizedRegion>()
    keepRegion(regions, regionRecord('WK079601', 'WK079601', ''))
    keepRegion(regions, regionRecord('WK079601', 'Binnenstad', ''))
    keepRegion(regions, regionRecord('WK079601', 'Centrum', ''))
    expect(regions.get('WK079601')?.name).toBe('Binnenstad')
  })
})
