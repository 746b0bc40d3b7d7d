import { describe, expect, it } from 'vitest'
import { computeCocktail, isRisk, type CocktailInput } from './cocktail'

const input = (over: Partial<CocktailInput>): CocktailInput => ({
  code: 'x',
  riskDirection: 'higher',
  inCocktail: true,
  value: 10,
  reason: null,
  gemeenteValue: 5,
  nationalValue: 5,
  ...over,
})

describe('isRisk', () => {
  it('needs the wijk to be more than 10% worse than its gemeente AND worse than NL', () => {
    expect(isRisk(input({ value: 11.1, gemeenteValue: 10, nationalValue: 9 }))).toBe(true)
    expect(isRisk(input({ value: 11, gemeenteValue: 10, nationalValue: 9 }))).toBe(false) // exactly +10%
    expect(isRisk(input({ value: 15, gemeenteValue: 10, nationalValue: 16 }))).toBe(false) // better than NL
    expect(isRisk(input({ value: 12, gemeenteValue: 12, nationalValue: 5 }))).toBe(false) // like its gemeente
  })
  it('mirrors for indicators where lower is unfavourable', () => {
    expect(isRisk(input({ riskDirection: 'lower', value: 20, gemeenteValue: 30, nationalValue: 32 }))).toBe(true)
    expect(isRisk(input({ riskDirection: 'lower', value: 28, gemeenteValue: 30, nationalValue: 32 }))).toBe(false)
  })
  it('does not assess hidden figures, missing references or context figures', () => {
    expect(isRisk(input({ value: null }))).toBeNull()
    expect(isRisk(input({ gemeenteValue: null }))).toBeNull()
    expect(isRisk(input({ nationalValue: null }))).toBeNull()
    expect(isRisk(input({ riskDirection: null }))).toBeNull()
  })
})

describe('computeCocktail', () => {
  // Six factors as in the catalogue, of which two have figures: like 's-Hertogenbosch Noord.
  const inputs = [
    input({ code: 'corporatiewoningen', value: 60, gemeenteValue: 33, nationalValue: 28 }),
    input({ code: 'inkomen-per-inwoner', riskDirection: 'lower', value: null, reason: 'not-published' }),
    input({ code: 'laag-inkomen', value: null, reason: 'not-published' }),
    input({ code: 'bijstand', value: null, reason: 'no-data', gemeenteValue: null }),
    input({ code: 'ww', value: 1.4, gemeenteValue: null, nationalValue: 1 }),
    input({ code: 'jeugdzorg', value: 120, gemeenteValue: 79, nationalValue: 81 }),
    // Not factors: a figure shown but not counted, a context figure, a gemeente-level figure.
    input({ code: 'huurwoningen', value: 90, inCocktail: false }),
    input({ code: 'inwoners', riskDirection: null, inCocktail: true }),
    input({ code: 'jeugdbescherming-gemeente', level: 'gemeente', value: 9 }),
  ]

  it('counts the factors of the definition, the assessed ones, the risks and why the others could not be assessed', () => {
    expect(computeCocktail(inputs)).toEqual({
      factors: 5 + 1,
      assessed: 2,
      count: 2,
      assessedIndicators: ['corporatiewoningen', 'jeugdzorg'],
      riskIndicators: ['corporatiewoningen', 'jeugdzorg'],
      notAssessed: [
        { code: 'inkomen-per-inwoner', reason: 'not-published' },
        { code: 'laag-inkomen', reason: 'not-published' },
        { code: 'bijstand', reason: 'no-data' },
        { code: 'ww', reason: 'no-gemeente-figure' },
      ],
    })
  })

  it('says when the national reference is missing, and a hidden figure without a reason has no data', () => {
    const c = computeCocktail([
      input({ code: 'a', nationalValue: null }),
      input({ code: 'b', value: null, reason: undefined }),
      input({ code: 'c', value: null, reason: 'too-small' }),
    ])
    expect(c.notAssessed).toEqual([
      { code: 'a', reason: 'no-national-figure' },
      { code: 'b', reason: 'no-data' },
      { code: 'c', reason: 'too-small' },
    ])
    expect(c).toMatchObject({ factors: 3, assessed: 0, count: 0 })
  })

  it('has every factor either assessed or not assessed', () => {
    const c = computeCocktail(inputs)
    expect(c.assessed + c.notAssessed.length).toBe(c.factors)
    expect(c.riskIndicators.every((r) => c.assessedIndicators.includes(r))).toBe(true)
  })
})
