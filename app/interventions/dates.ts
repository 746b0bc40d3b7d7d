/**
 * Calendar dates of interventions (issue 10): targets, baselines and measurements are ISO dates
 * (YYYY-MM-DD), and a CBS figure stands for the last day of its period.
 */
import { parsePeriod } from '~/wijken/periods'

/**
 * The programme runs in the Netherlands: "today" is the Dutch calendar day, whatever zone the
 * server or browser is in (a UTC server would otherwise call 00:30 in Amsterdam yesterday).
 */
const TIME_ZONE = 'Europe/Amsterdam'

const pad = (n: number) => String(n).padStart(2, '0')
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** A real calendar date written as YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month)
}

/** The end date of a CBS period, or null when `periodKey` is not a period (see periods.ts for the forms). */
export function tryPeriodEndDate(periodKey: string): string | null {
  const key = parsePeriod(periodKey)
  if (!key) return null
  const year = Number(key.slice(0, 4))
  const n = Number(key.slice(6))
  const kind = key.slice(4, 6)
  // The month the period ends in.
  const month = kind === 'HJ' ? n * 6 : kind === 'KW' ? n * 3 : kind === 'MM' ? n : 12
  return `${key.slice(0, 4)}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`
}

/**
 * The last day of a CBS period: 2024JJ00 → 2024-12-31, 2024HJ01 → 2024-06-30, 2024KW03 →
 * 2024-09-30, 2024MM02 → 2024-02-29, and a plain '2024' → 2024-12-31. A baseline or
 * measurement taken from a period is dated at its end, when the whole period has been counted.
 * Throws on anything else: callers pass periods that came from the data.
 */
export function periodEndDate(periodKey: string): string {
  const date = tryPeriodEndDate(periodKey)
  if (!date) throw new RangeError(`not a CBS period: ${periodKey}`)
  return date
}

/** Today's date in the Netherlands as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/** Days since 1970-01-01 of an ISO date: the unit the on-track line is drawn in. */
export const isoDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000
