import { describe, expect, it } from 'vitest'
import { isIsoDate, isoDay, periodEndDate, todayIso, tryPeriodEndDate } from './dates'

describe('periodEndDate', () => {
  it('dates a CBS period at its last day', () => {
    expect(periodEndDate('2024JJ00')).toBe('2024-12-31')
    expect(periodEndDate('2024HJ01')).toBe('2024-06-30')
    expect(periodEndDate('2024HJ02')).toBe('2024-12-31')
    expect(periodEndDate('2023KW01')).toBe('2023-03-31')
    expect(periodEndDate('2023KW02')).toBe('2023-06-30')
    expect(periodEndDate('2023KW03')).toBe('2023-09-30')
    expect(periodEndDate('2023KW04')).toBe('2023-12-31')
    expect(periodEndDate('2024MM02')).toBe('2024-02-29')
    expect(periodEndDate('2023MM02')).toBe('2023-02-28')
    expect(periodEndDate('2024MM11')).toBe('2024-11-30')
  })

  it('takes a plain year and StatLine titles', () => {
    expect(periodEndDate('2024')).toBe('2024-12-31')
    expect(periodEndDate('1e halfjaar 2024')).toBe('2024-06-30')
  })

  it('refuses what is not a period', () => {
    expect(() => periodEndDate('2024XX01')).toThrow(RangeError)
    expect(() => periodEndDate('schooljaar 2023-2024')).toThrow(RangeError)
    expect(tryPeriodEndDate('2024MM13')).toBeNull()
    expect(tryPeriodEndDate('2024KW02')).toBe('2024-06-30')
  })
})

describe('isIsoDate', () => {
  it('accepts real dates only, written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-13-01')).toBe(false)
    expect(isIsoDate('2024-00-10')).toBe(false)
    expect(isIsoDate('2024-1-01')).toBe(false)
    expect(isIsoDate('01-01-2024')).toBe(false)
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false)
    expect(isIsoDate(20240101)).toBe(false)
  })
})

describe('todayIso', () => {
  it('gives the Dutch calendar day', () => {
    expect(todayIso(new Date('2025-03-10T12:00:00Z'))).toBe('2025-03-10')
    // 23:30 UTC is already the next day in Amsterdam (winter time, UTC+1).
    expect(todayIso(new Date('2025-01-31T23:30:00Z'))).toBe('2025-02-01')
    // …and 22:30 UTC in summer time (UTC+2).
    expect(todayIso(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01')
  })
})

describe('isoDay', () => {
  it('counts whole days', () => {
    expect(isoDay('2024-03-01') - isoDay('2024-02-28')).toBe(2)
  })
})
