import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './safe-redirect'

describe('safeRedirectPath', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirectPath('/sessies/abc?x=1#y')).toBe('/sessies/abc?x=1#y')
  })

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example',
    'evil',
    '',
    undefined,
  ])('refuses %j', (to) => {
    expect(safeRedirectPath(to, '/home')).toBe('/home')
  })
})
