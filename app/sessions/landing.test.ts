import { describe, expect, it } from 'vitest'
import { participantLanding } from './landing'

const iPhone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const androidPhone =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36'
const laptop = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'

const headers = (entries: Record<string, string>) => new Headers(entries)

describe('where a participant lands after joining', () => {
  it('follows what the join form measured of the screen, whatever the headers say', () => {
    expect(participantLanding('s1', 'phone', headers({ 'User-Agent': laptop }))).toBe('/doe-mee/s1')
    expect(participantLanding('s1', 'wide', headers({ 'User-Agent': iPhone, 'Sec-CH-UA-Mobile': '?1' }))).toBe(
      '/sessies/s1',
    )
  })

  it('without a measurement (no JavaScript) goes by Sec-CH-UA-Mobile, then by "Mobi" in the User-Agent', () => {
    expect(participantLanding('s1', '', headers({ 'Sec-CH-UA-Mobile': '?1', 'User-Agent': laptop }))).toBe(
      '/doe-mee/s1',
    )
    expect(participantLanding('s1', null, headers({ 'Sec-CH-UA-Mobile': '?0', 'User-Agent': laptop }))).toBe(
      '/sessies/s1',
    )
    expect(participantLanding('s1', null, headers({ 'User-Agent': iPhone }))).toBe('/doe-mee/s1')
    expect(participantLanding('s1', null, headers({ 'User-Agent': androidPhone }))).toBe('/doe-mee/s1')
    expect(participantLanding('s1', null, headers({ 'User-Agent': laptop }))).toBe('/sessies/s1')
    expect(participantLanding('s1', 'something else', headers({}))).toBe('/sessies/s1')
  })
})
