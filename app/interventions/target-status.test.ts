import { describe, expect, it } from 'vitest'
import { interventionStatuses } from '../../db/interventions'
import {
  allowedNextStatuses,
  expectedOnLine,
  isAllowedStatusChange,
  latestMeasurement,
  statusLight,
  targetStatus,
  type TargetLine,
} from './target-status'

// 2024 is a leap year: 2024-01-01 → 2025-01-01 is 366 days, so the middle is 2024-07-02.
const lower: TargetLine = {
  direction: 'lower',
  baselineValue: 20,
  baselineDate: '2024-01-01',
  targetValue: 10,
  targetDate: '2025-01-01',
}
const higher: TargetLine = { ...lower, direction: 'higher', baselineValue: 60, targetValue: 80 }

describe('expectedOnLine', () => {
  it('is the straight line from baseline to target', () => {
    expect(expectedOnLine(lower, '2024-01-01')).toBe(20)
    expect(expectedOnLine(lower, '2024-07-02')).toBe(15)
    expect(expectedOnLine(higher, '2024-07-02')).toBe(70)
    expect(expectedOnLine(lower, '2025-01-01')).toBe(10)
  })

  it('stays at the target after the target date and at the baseline before the baseline date', () => {
    expect(expectedOnLine(lower, '2027-06-01')).toBe(10)
    expect(expectedOnLine(lower, '2023-06-01')).toBe(20)
  })

  it('jumps to the target when baseline and target share a date', () => {
    const sameDay = { ...lower, targetDate: lower.baselineDate }
    expect(expectedOnLine(sameDay, '2024-01-01')).toBe(10)
    expect(expectedOnLine(sameDay, '2023-12-31')).toBe(20)
  })
})

describe('targetStatus', () => {
  it('is geen-meting without measurements', () => {
    expect(targetStatus(lower, [])).toBe('geen-meting')
  })

  it('is op-koers exactly on the line, and achter just above it when lower is better', () => {
    expect(targetStatus(lower, [{ value: 15, date: '2024-07-02' }])).toBe('op-koers')
    expect(targetStatus(lower, [{ value: 15.1, date: '2024-07-02' }])).toBe('achter')
    expect(targetStatus(lower, [{ value: 14.9, date: '2024-07-02' }])).toBe('op-koers')
  })

  it('is op-koers on the line where the line is not a round number', () => {
    // 100 days in: 20 − 10 × 100/366 = 17.2677…: the line value itself counts as on it, and a
    // rounded figure is compared with the unrounded line.
    const onLine = expectedOnLine(lower, '2024-04-10')
    expect(targetStatus(lower, [{ value: onLine, date: '2024-04-10' }])).toBe('op-koers')
    expect(targetStatus(lower, [{ value: 17.3, date: '2024-04-10' }])).toBe('achter')
    expect(targetStatus(lower, [{ value: 17.2, date: '2024-04-10' }])).toBe('op-koers')
  })

  it('is op-koers or achter the other way round when higher is better', () => {
    expect(targetStatus(higher, [{ value: 70, date: '2024-07-02' }])).toBe('op-koers')
    expect(targetStatus(higher, [{ value: 69.9, date: '2024-07-02' }])).toBe('achter')
    expect(targetStatus(higher, [{ value: 75, date: '2024-07-02' }])).toBe('op-koers')
  })

  it('is bereikt at or past the target, whenever that happens', () => {
    expect(targetStatus(lower, [{ value: 10, date: '2024-03-01' }])).toBe('bereikt')
    expect(targetStatus(lower, [{ value: 8, date: '2026-03-01' }])).toBe('bereikt')
    expect(targetStatus(higher, [{ value: 80, date: '2024-03-01' }])).toBe('bereikt')
    expect(targetStatus(higher, [{ value: 85, date: '2024-03-01' }])).toBe('bereikt')
  })

  it('compares with the target itself after the target date', () => {
    expect(targetStatus(lower, [{ value: 10.5, date: '2025-06-01' }])).toBe('achter')
    expect(targetStatus(higher, [{ value: 79.9, date: '2025-06-01' }])).toBe('achter')
  })

  it('compares a measurement from before the baseline date with the baseline', () => {
    expect(targetStatus(lower, [{ value: 20, date: '2023-06-30' }])).toBe('op-koers')
    expect(targetStatus(lower, [{ value: 21, date: '2023-06-30' }])).toBe('achter')
  })

  it('uses the latest measurement by date, not the last recorded', () => {
    const measurements = [
      { value: 12, date: '2024-10-01' },
      { value: 19.9, date: '2024-03-01' },
    ]
    expect(targetStatus(lower, measurements)).toBe('op-koers')
    expect(targetStatus(lower, [...measurements, { value: 19, date: '2024-11-01' }])).toBe('achter')
  })

  it('takes the last recorded of two measurements on the same date', () => {
    const m = [
      { value: 19, date: '2024-10-01', id: 'a' },
      { value: 12, date: '2024-10-01', id: 'b' },
    ]
    expect(latestMeasurement(m)?.id).toBe('b')
    expect(targetStatus(lower, m)).toBe('op-koers')
  })

  it('handles a target whose baseline and target date are the same day', () => {
    const sameDay = { ...lower, targetDate: lower.baselineDate }
    expect(targetStatus(sameDay, [{ value: 15, date: '2024-01-01' }])).toBe('achter')
    expect(targetStatus(sameDay, [{ value: 10, date: '2024-01-01' }])).toBe('bereikt')
  })
})

describe('the intervention lifecycle', () => {
  it('shows a traffic light per status', () => {
    expect(statusLight('gestopt')).toBe('rood')
    expect(['idee', 'prototype', 'pilot'].map((s) => statusLight(s as 'idee'))).toEqual(['oranje', 'oranje', 'oranje'])
    expect(statusLight('implementatie')).toBe('groen')
    expect(statusLight('geborgd')).toBe('groen')
  })

  it('goes forward one step at a time, back one step, and can stop from anywhere', () => {
    expect(allowedNextStatuses('idee')).toEqual(['prototype', 'gestopt'])
    expect(allowedNextStatuses('prototype')).toEqual(['pilot', 'idee', 'gestopt'])
    expect(allowedNextStatuses('pilot')).toEqual(['implementatie', 'prototype', 'gestopt'])
    expect(allowedNextStatuses('implementatie')).toEqual(['geborgd', 'pilot', 'gestopt'])
    expect(allowedNextStatuses('geborgd')).toEqual(['implementatie', 'gestopt'])
  })

  it('restarts a stopped intervention only as an idea or a prototype', () => {
    expect(allowedNextStatuses('gestopt')).toEqual(['idee', 'prototype'])
    expect(isAllowedStatusChange('gestopt', 'pilot')).toBe(false)
  })

  it('never skips a step, nor stays where it is', () => {
    expect(isAllowedStatusChange('idee', 'pilot')).toBe(false)
    expect(isAllowedStatusChange('prototype', 'implementatie')).toBe(false)
    expect(isAllowedStatusChange('geborgd', 'pilot')).toBe(false)
    for (const s of interventionStatuses) expect(isAllowedStatusChange(s, s), s).toBe(false)
  })
})
