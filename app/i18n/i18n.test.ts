import { describe, expect, it } from 'vitest'
import { en } from './en'
import { t } from './index'
import { nl } from './nl'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the i18n layer', () => {
  it('has an English text for every Dutch one, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
    for (const [key, text] of Object.entries(nl)) {
      expect(text.trim(), key).not.toBe('')
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text))
    }
  })

  it('fills placeholders and falls back to Dutch, then to the key', () => {
    expect(t('nl', 'sessions.wijk', { code: 'WK079601' })).toBe('Wijk WK079601')
    expect(t('en', 'sessions.wijk', { code: 'WK079601' })).toBe('District WK079601')
    expect(t('en', 'role.onbekend')).toBe('role.onbekend')
  })
})
