import { describe, expect, it } from 'vitest'
import { SessionBus } from './session-bus.server'

describe('the session bus: who has a live channel open', () => {
  it('counts the streams per subject, and each stream ends once however often it is ended', () => {
    const bus = new SessionBus()
    const phone = bus.openStream('s1', 'p:1')
    const secondTab = bus.openStream('s1', 'p:1')
    const other = bus.openStream('s1', 'p:2')
    bus.openStream('s2', 'p:3')
    expect(bus.streamSubjects('s1').sort()).toEqual(['p:1', 'p:2'])
    phone()
    phone() // an abort and a cancel of the same stream
    expect(bus.streamSubjects('s1').sort()).toEqual(['p:1', 'p:2'])
    secondTab()
    expect(bus.streamSubjects('s1')).toEqual(['p:2'])
    other()
    expect(bus.streamSubjects('s1')).toEqual([])
    expect(bus.streamSubjects('s2')).toEqual(['p:3'])
  })
})
