import { describe, expect, it } from 'vitest'
import { computeCocktail, isRisk, type CocktailInput } from './cocktail'

const input = (over: Partial<CocktailInput>): CocktailInput => ({
  code: 'x',
  label: 'X',
  riskDirection: 'higher',
  inCocktail: true,
  value: 10,
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
  const inputs = [
    input({ code: 'bijstand', label: 'Mensen met bijstand', value: 5, gemeenteValue: 3, nationalValue: 2.6 }),
    input({ code: 'ww', label: 'Mensen met een WW-uitkering', value: 1.4, gemeenteValue: 1.2, nationalValue: 1 }),
    input({ code: 'jeugdzorg', label: 'Jongeren met jeugdzorg', value: 35, gemeenteValue: 79, nationalValue: 81 }),
    input({ code: 'inkomen', label: 'Inkomen', value: null, riskDirection: 'lower' }),
    input({ code: 'huur', label: 'Huurwoningen', value: 90, inCocktail: false }),
  ]
  it('counts the cocktail indicators that are risks together', () => {
    const c = computeCocktail('Noord', 'Breda', inputs)
    expect(c.riskIndicators).toEqual(['bijstand', 'ww'])
    expect(c.count).toBe(2)
    expect(c.assessed).toBe(3)
    expect(c.notAssessed).toEqual(['inkomen'])
    expect(c.summary).toBe(
      'In Noord liggen 2 van de 3 bekeken cijfers duidelijk ongunstiger dan in Breda én in heel Nederland: mensen met bijstand en mensen met een WW-uitkering. Het gaat om cijfers over de hele wijk; ze zeggen niets over één gezin of persoon.',
    )
  })
  it('says so when nothing piles up, or when too little is known', () => {
    expect(computeCocktail('Oost', 'Breda', [inputs[2]!]).summary).toMatch(
      /^In Oost ligt geen van de 1 bekeken cijfers/,
    )
    expect(computeCocktail('Leeg', 'Breda', [inputs[3]!]).summary).toMatch(/te weinig open cijfers/)
    for (const s of [computeCocktail('Noord', 'Breda', inputs).summary]) expect(s.split('. ').length).toBe(2)
  })
})
