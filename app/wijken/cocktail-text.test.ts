import { describe, expect, it } from 'vitest'
import type { Cocktail } from './cocktail'
import { cocktailCountText, cocktailLine, cocktailSummary, joinList, notAssessedLine } from './cocktail-text'

const labels: Record<string, { nl: string; en: string }> = {
  corporatiewoningen: { nl: 'Woningen van een woningcorporatie', en: 'Housing-association dwellings' },
  jeugdzorg: { nl: 'Jongeren met jeugdzorg', en: 'Young people in youth care' },
  'inkomen-per-inwoner': { nl: 'Gemiddeld inkomen per inwoner', en: 'Average income per inhabitant' },
  'laag-inkomen': { nl: 'Huishoudens met een laag inkomen', en: 'Low-income households' },
  bijstand: { nl: 'Mensen met bijstand', en: 'People on social assistance' },
  ww: { nl: 'Mensen met een WW-uitkering', en: 'People on unemployment benefit (WW)' },
}

// 's-Hertogenbosch Noord (WK079609) in the bundled data: 2 of 6 factors have figures, both a risk.
const noord: Cocktail = {
  factors: 6,
  assessed: 2,
  count: 2,
  assessedIndicators: ['corporatiewoningen', 'jeugdzorg'],
  riskIndicators: ['corporatiewoningen', 'jeugdzorg'],
  notAssessed: [
    { code: 'inkomen-per-inwoner', reason: 'not-published' },
    { code: 'laag-inkomen', reason: 'not-published' },
    { code: 'bijstand', reason: 'no-data' },
    { code: 'ww', reason: 'no-data' },
  ],
}
const names = (locale: 'nl' | 'en') => ({
  wijk: 'Noord',
  gemeente: "'s-Hertogenbosch",
  labelOf: (code: string) => labels[code]![locale],
})

describe('the cocktail in words', () => {
  it('never says "2 van 2" without the factors that could not be assessed, and why', () => {
    expect(cocktailCountText(noord, 'nl')).toBe('2 van 2 beoordeelde factoren')
    expect(notAssessedLine(noord, 'nl')).toBe(
      '4 niet te bepalen: niet gepubliceerd door CBS (2), geen cijfer van CBS voor deze wijk (2)',
    )
    expect(cocktailLine(noord, 'nl')).toBe(
      '2 van 2 beoordeelde factoren; 4 niet te bepalen: niet gepubliceerd door CBS (2), geen cijfer van CBS voor deze wijk (2)',
    )
  })

  it('in English too', () => {
    expect(cocktailLine(noord, 'en')).toBe(
      '2 of 2 assessed factors; 4 cannot be assessed: not published by CBS (2), no CBS figure for this district (2)',
    )
  })

  it('names a single reason once, and says nothing is missing when all factors were assessed', () => {
    const breda: Cocktail = {
      ...noord,
      assessed: 4,
      count: 3,
      notAssessed: noord.notAssessed.filter((n) => n.reason === 'not-published'),
    }
    expect(cocktailLine(breda, 'nl')).toBe(
      '3 van 4 beoordeelde factoren; 2 niet te bepalen: niet gepubliceerd door CBS',
    )
    expect(notAssessedLine({ ...noord, assessed: 6, notAssessed: [] }, 'nl')).toBeNull()
  })

  it('says a cocktail without any assessed factor cannot be assessed, instead of "0 van 0"', () => {
    const tilburg: Cocktail = {
      factors: 6,
      assessed: 0,
      count: 0,
      assessedIndicators: [],
      riskIndicators: [],
      notAssessed: Object.keys(labels).map((code) => ({ code, reason: 'no-data' as const })),
    }
    expect(cocktailLine(tilburg, 'nl')).toBe('niet te bepalen: geen van de 6 factoren heeft een cijfer')
    expect(cocktailSummary(tilburg, { ...names('nl'), wijk: 'Binnenstad' }, 'nl')).toBe(
      'Voor Binnenstad zijn te weinig open cijfers om te zien of risico’s zich opstapelen: geen van de 6 factoren is te bepalen. Het gaat om cijfers over de hele wijk; ze zeggen niets over één gezin of persoon.',
    )
  })

  it('builds the summary from keys in Dutch and in English, naming what could not be assessed', () => {
    expect(cocktailSummary(noord, names('nl'), 'nl')).toBe(
      "In Noord liggen 2 van de 2 beoordeelde factoren duidelijk ongunstiger dan in 's-Hertogenbosch én in heel Nederland: woningen van een woningcorporatie en jongeren met jeugdzorg. " +
        '4 van de 6 factoren konden we niet beoordelen: gemiddeld inkomen per inwoner en huishoudens met een laag inkomen (niet gepubliceerd door CBS); mensen met bijstand en mensen met een WW-uitkering (geen cijfer van CBS voor deze wijk). ' +
        'Het gaat om cijfers over de hele wijk; ze zeggen niets over één gezin of persoon.',
    )
    expect(cocktailSummary(noord, names('en'), 'en')).toBe(
      "In Noord, 2 of the 2 assessed factors are clearly less favourable than in 's-Hertogenbosch and in the Netherlands as a whole: housing-association dwellings and young people in youth care. " +
        '4 of the 6 factors could not be assessed: average income per inhabitant and low-income households (not published by CBS); people on social assistance and people on unemployment benefit (WW) (no CBS figure for this district). ' +
        'These are figures for the whole district; they say nothing about any one family or person.',
    )
  })

  it('uses the singular for one risk, and a card that does not know which factors were missing still counts them', () => {
    const one: Cocktail = { ...noord, count: 1, riskIndicators: ['jeugdzorg'] }
    expect(cocktailSummary(one, names('nl'), 'nl')).toMatch(/^In Noord ligt 1 van de 2 beoordeelde factoren/)
    const stored = { ...noord, notAssessed: null }
    expect(notAssessedLine(stored, 'nl')).toBe('4 niet te bepalen')
    expect(cocktailSummary(stored, names('nl'), 'nl')).toContain('4 van de 6 factoren konden we niet beoordelen.')
  })

  it('joins lists the Dutch and the English way', () => {
    expect(joinList(['a', 'b', 'c'], 'nl')).toBe('a, b en c')
    expect(joinList(['a', 'b'], 'en')).toBe('a and b')
    expect(joinList([], 'en')).toBe('')
  })
})
