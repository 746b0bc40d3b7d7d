import { describe, expect, it } from 'vitest'
import { ownIndicatorSettingsSchema } from './settings'

/** The form's fields as the action passes them: blank fields are left out. */
const form = (fields: Record<string, string> = {}) => ({
  code: 'eigen-woningcorporatie-zayaz-woonmonitor.huurders-met-een-huurachterstand',
  label: 'Huurders met een huurachterstand',
  unit: '%',
  kind: 'rate',
  direction: 'higher',
  decimals: '1',
  ...fields,
})

describe('the settings of an own indicator', () => {
  it('take an English name, trimmed; without one it is null (the Dutch name is shown)', () => {
    expect(ownIndicatorSettingsSchema.parse(form({ labelEn: '  Tenants in rent arrears ' })).settings).toMatchObject({
      label: 'Huurders met een huurachterstand',
      labelEn: 'Tenants in rent arrears',
    })
    expect(ownIndicatorSettingsSchema.parse(form()).settings.labelEn).toBeNull()
    expect(ownIndicatorSettingsSchema.parse(form({ labelEn: '   ' })).settings.labelEn).toBeNull()
  })

  it('refuse an English name longer than 120 characters, naming the field', () => {
    const result = ownIndicatorSettingsSchema.safeParse(form({ labelEn: 'x'.repeat(121) }))
    expect(result.success).toBe(false)
    expect(result.error!.issues).toMatchObject([{ path: ['labelEn'], message: 'own.v.labelEn' }])
  })

  it('read a threshold with a decimal comma and count in the cocktail only with a direction', () => {
    expect(ownIndicatorSettingsSchema.parse(form({ threshold: '12,5', inCocktail: 'on' })).settings).toMatchObject({
      threshold: 12.5,
      inCocktail: true,
      riskDirection: 'higher',
    })
    const background = ownIndicatorSettingsSchema.safeParse(form({ direction: 'none', inCocktail: 'on' }))
    expect(background.error!.issues).toMatchObject([{ path: ['inCocktail'], message: 'own.v.cocktailNeedsDirection' }])
  })
})
