import { describe, expect, it } from 'vitest'
import { sameOrigin } from './same-origin'

describe('sameOrigin', () => {
  it('accepts no Origin and this host', () => {
    expect(sameOrigin(undefined, 'localhost:3000')).toBe(true)
    expect(sameOrigin('http://localhost:3000', 'localhost:3000')).toBe(true)
    expect(sameOrigin('https://wijkatelier.example', 'wijkatelier.example')).toBe(true)
  })

  it('refuses other sites, other ports, opaque and broken origins', () => {
    expect(sameOrigin('https://evil.example', 'wijkatelier.example')).toBe(false)
    expect(sameOrigin('http://localhost:4000', 'localhost:3000')).toBe(false)
    expect(sameOrigin('null', 'localhost:3000')).toBe(false)
    expect(sameOrigin('not a url', 'localhost:3000')).toBe(false)
    expect(sameOrigin('http://localhost:3000', undefined)).toBe(false)
  })
})
