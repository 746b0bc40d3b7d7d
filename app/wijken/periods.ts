/**
 * CBS period keys: `2024JJ00` (year), `2024HJ01` (half-year), `2024KW03` (quarter),
 * `2024MM09` (month). Files from StatLine carry titles instead ("1e halfjaar 2024",
 * "2024 september"); both are accepted and stored as keys.
 */
const months = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
]

export function parsePeriod(input: string): string | null {
  // StatLine marks provisional figures with a star ("2019*", "1e halfjaar 2023*"): the same period
  const s = input
    .trim()
    .replace(/\s*\*+$/, '')
    .replace(/\s+/g, ' ')
  if (/^\d{4}(JJ00|HJ0[12]|KW0[1-4]|MM(0[1-9]|1[0-2]))$/.test(s)) return s
  let m = /^(\d{4})$/.exec(s)
  if (m) return `${m[1]}JJ00`
  m = /^([12])e ?half ?jaar (\d{4})$/i.exec(s)
  if (m) return `${m[2]}HJ0${m[1]}`
  m = /^(\d{4}) ([1-4])e kwartaal$/i.exec(s)
  if (m) return `${m[1]}KW0${m[2]}`
  m = /^(\d{4}) ([a-z]+)$/i.exec(s)
  const month = m ? months.indexOf(m[2]!.toLowerCase()) : -1
  if (m && month >= 0) return `${m[1]}MM${String(month + 1).padStart(2, '0')}`
  return null
}

/** The Dutch title of a period key, e.g. "1e halfjaar 2024", "september 2024". */
export function periodLabel(key: string): string {
  const year = key.slice(0, 4)
  const kind = key.slice(4, 6)
  const n = Number(key.slice(6))
  if (kind === 'HJ') return `${n}e halfjaar ${year}`
  if (kind === 'KW') return `${n}e kwartaal ${year}`
  if (kind === 'MM') return `${months[n - 1]} ${year}`
  return year
}

/** Periods of the same kind can form a trend; a year and a half-year cannot be compared. */
export const periodKind = (key: string) => key.slice(4, 6)
