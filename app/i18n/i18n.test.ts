import { describe, expect, it } from 'vitest'
import { en } from './en'
import { message, t, translate, translateAll } from './index'
import { nl } from './nl'

/**
 * Every area dictionary pair (`canvas.nl.ts` + `canvas.en.ts`, …), found by name so a new
 * area is checked without being listed here.
 */
const areaFiles = import.meta.glob<Record<string, Record<string, string>>>('./*.{nl,en}.ts', { eager: true })
const areas = Object.entries(areaFiles)
  .filter(([file]) => file.endsWith('.nl.ts'))
  .map(([file, module]) => {
    const name = file.slice(2, -'.nl.ts'.length)
    const english = areaFiles[`./${name}.en.ts`]
    return { name, nl: Object.values(module)[0], en: english && Object.values(english)[0] }
  })

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the i18n layer', () => {
  it('has an English text for every Dutch one, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
    for (const [key, text] of Object.entries(nl)) {
      expect(text.trim(), key).not.toBe('')
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text))
    }
  })

  it('has an English text for every Dutch one in every area dictionary, and spreads each into the whole', () => {
    expect(areas.map((a) => a.name)).toEqual(expect.arrayContaining(['canvas', 'cards', 'errors', 'wijken']))
    for (const area of areas) {
      expect(area.en, `${area.name}.en.ts`).toBeDefined()
      expect(Object.keys(area.en).sort(), area.name).toEqual(Object.keys(area.nl).sort())
      for (const [key, text] of Object.entries(area.nl)) {
        expect(nl[key as keyof typeof nl], `${area.name}: ${key} in nl.ts`).toBe(text)
        expect(en[key as keyof typeof en], `${area.name}: ${key} in en.ts`).toBe(area.en[key])
      }
    }
  })

  it('translates a message with its variables where it is shown, and keeps texts that are not messages', () => {
    const wait = message('error.throttled.other', { minutes: 14 })
    expect(translate('nl', wait)).toBe('Te veel mislukte pogingen. Probeer het over 14 minuten opnieuw.')
    expect(translate('en', wait)).toBe('Too many failed attempts. Please try again in 14 minutes.')
    expect(translate('nl', message('error.throttled.one', { minutes: 1 }))).toBe(
      'Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.',
    )
    expect(translate('nl', message('error.api.wijkUnknown', { code: 'WK0&1?=x' }))).toBe(
      'Wijk WK0&1?=x is niet bekend.',
    )
    expect(translate('en', 'Wat? Geen sleutel.')).toBe('Wat? Geen sleutel.')
    expect(translate('en', 'constructor')).toBe('constructor')
    expect(translateAll('nl', { _form: 'error.api.loginFirst' })).toEqual({ _form: 'Log eerst in als begeleider.' })
  })

  it('fills placeholders and falls back to Dutch, then to the key', () => {
    expect(t('nl', 'sessions.wijk', { code: 'WK079601' })).toBe('Wijk WK079601')
    expect(t('en', 'sessions.wijk', { code: 'WK079601' })).toBe('District WK079601')
    expect(t('en', 'role.onbekend')).toBe('role.onbekend')
  })
})
