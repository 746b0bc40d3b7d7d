/**
 * Privacy by construction: the ONE place that decides whether a figure may be shown or sent, and
 * what counts as data about people, for every source (CBS and an organisation's own figures).
 *
 * - Nothing derived from a count below the indicator's minimum base (default 10) leaves the
 *   server: the value becomes `{ value: null, reason: 'too-small' }` ("te klein om te tonen").
 * - A cell CBS left empty (suppressed, secret, unknown) is never turned into 0.
 * - A percentage, rate or average from a local source rests on a base: its own base column, else
 *   the region's inhabitants as CBS counts them; without one it is not shown (`guardLocalRate`).
 * - A file about individual people is refused whole: the rules are `personLevel` below, applied
 *   to a file by app/wijken/import/person-level.ts before anything else reads it.
 * Every value in a profile, list or map passes through `guard`. See docs/privacy.md.
 */

export const DEFAULT_MIN_BASE = 10

/**
 * Why a figure is not shown. Data (profiles, maps, canvas cards) carries only this key; its text
 * is translated where it is shown (`wijken.reason.*`, see formatReason in format-view.ts).
 */
export const hiddenReasons = ['too-small', 'suppressed', 'not-published', 'no-data'] as const
export type HiddenReason = (typeof hiddenReasons)[number]

export type Guarded = { value: number; reason: null } | { value: null; reason: HiddenReason }

/** A stored CBS cell, or undefined when the database has no cell for it. */
export interface CellInput {
  value: number | null
  missingReason: 'suppressed-by-cbs' | 'not-published' | null
}

const hidden = (reason: HiddenReason): Guarded => ({ value: null, reason })

function reasonOf(cell: CellInput | undefined): HiddenReason | null {
  if (!cell) return 'no-data'
  if (cell.value !== null) return null
  return cell.missingReason === 'not-published' ? 'not-published' : 'suppressed'
}

/**
 * Guards one figure.
 * @param counts the counts the figure is derived from (numerator, denominator, base). Each must
 *   exist and be at least `minBase`; a missing count hides the figure with that count's reason.
 * @param value the figure itself (a published cell, or a ratio computed from `counts`).
 */
export function guard(
  value: CellInput | undefined,
  counts: (CellInput | undefined)[],
  minBase: number = DEFAULT_MIN_BASE,
): Guarded {
  const own = reasonOf(value)
  if (own) return hidden(own)
  for (const count of counts) {
    const reason = reasonOf(count)
    if (reason) return hidden(reason)
    if (count!.value! < minBase) return hidden('too-small')
  }
  return { value: value!.value!, reason: null }
}

/** A count shown as such (e.g. inhabitants): it is its own base. */
export const guardCount = (cell: CellInput | undefined, minBase: number = DEFAULT_MIN_BASE) =>
  guard(cell, [cell], minBase)

/**
 * A ratio of sums of counts, × per. Every input count is checked, so a small numerator (e.g. 5
 * young people in youth care) hides the figure just as a small denominator does.
 */
export function guardRatio(
  numerator: (CellInput | undefined)[],
  denominator: (CellInput | undefined)[],
  per: number,
  minBase: number = DEFAULT_MIN_BASE,
): Guarded {
  const inputs = [...numerator, ...denominator]
  for (const cell of inputs) {
    const reason = reasonOf(cell)
    if (reason) return hidden(reason)
  }
  const sum = (cells: (CellInput | undefined)[]) => cells.reduce((n, c) => n + c!.value!, 0)
  const num = sum(numerator)
  const den = sum(denominator)
  if (inputs.some((c) => c!.value! < minBase) || num < minBase || den < minBase) return hidden('too-small')
  return { value: (num / den) * per, reason: null }
}

/**
 * A percentage, rate or average from a local source (an organisation's own table). It is shown
 * only when the count it is a share of is known and at least `minBase`: the file's own base
 * column for the region where it has one, else the region's inhabitants as CBS counts them (then
 * at least LOCAL_RATE_MIN_INHABITANTS). A figure without any known base is hidden as too small: a
 * local 50% may be 1 of 2 families.
 */
export function guardLocalRate(
  value: CellInput | undefined,
  base: { own: CellInput | undefined } | { inhabitants: CellInput | undefined },
  minBase: number = DEFAULT_MIN_BASE,
): Guarded {
  const own = reasonOf(value)
  if (own) return hidden(own)
  const count = 'own' in base ? base.own : base.inhabitants
  if (!count || count.value === null) return hidden('too-small')
  return guard(value, [count], localRateMinBase('own' in base ? 'own' : 'inhabitants', minBase))
}

/**
 * The base a local rate needs before it is shown: its own base column at least `minBase`, or,
 * without one, the region's CBS inhabitants at least LOCAL_RATE_MIN_INHABITANTS (and `minBase`).
 */
export const localRateMinBase = (base: 'own' | 'inhabitants', minBase: number = DEFAULT_MIN_BASE): number =>
  base === 'own' ? minBase : Math.max(minBase, LOCAL_RATE_MIN_INHABITANTS)

/**
 * The inhabitants a region needs before a local rate WITHOUT a base column is shown. The rate's own
 * base (respondents, households, young people) is unknown and may be a small part of them; CBS
 * itself publishes many wijk percentages only from 100 or more (households, persons) on.
 */
export const LOCAL_RATE_MIN_INHABITANTS = 100

/* ---- Data about people: what refuses a file (applied in app/wijken/import/person-level.ts) ---- */

/**
 * Words that, as a word of a column name, only occur in data about individual people. A column
 * name is split into its words (camelCase, spaces, `_`, `-`), so "Naam ouder", "BSN kind" and
 * "GeboortedatumKind" match while KWB's "Gemeentenaam" or "MeestVoorkomendePostcode" do not.
 */
const personWords = new Set([
  'bsn',
  'burgerservicenummer',
  'sofinummer',
  'geboortedatum',
  'geboortedag',
  'gebdatum',
  'dateofbirth',
  'birthdate',
  'naam',
  'voornaam',
  'voornamen',
  'achternaam',
  'geslachtsnaam',
  'voorletters',
  'roepnaam',
  'name',
  'adres',
  'straat',
  'straatnaam',
  'huisnummer',
  'huisnr',
  'huisnummertoevoeging',
  'address',
  'telefoon',
  'telefoonnummer',
  'email',
  'emailadres',
  'clientnummer',
  'dossiernummer',
  'patientnummer',
])

/** Compounds that name a person's data wherever they occur in a name ("geboortedatumkind"). */
const personCompounds = ['burgerservicenummer', 'geboortedatum', 'sofinummer', 'dateofbirth', 'huisnummer']

/** Words that make a column about an area, not a person: "Naam wijk", "Wijk naam", "Regio naam". */
const areaWords = new Set(['wijk', 'buurt', 'gemeente', 'regio', 'gebied', 'stadsdeel', 'kern', 'region', 'area'])

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/** `GeboortedatumKind_3` → `geboortedatum`, `kind`; `Naam ouder` → `naam`, `ouder`; "Huisnummer (nr)" → `huisnummer`, `nr`. */
export function columnWords(column: string): string[] {
  return fold(
    column
      .trim()
      .replace(/_\d+$/, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2'),
  )
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** The elfproef (11-test) of a 9-digit number, as BSNs (and old 8-digit ones, zero-padded) pass it. */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i)
  return (sum - Number(digits[8])) % 11 === 0
}

export const personLevel = {
  /** A column name that names a person's data (and not an area's name, such as "Naam wijk"). */
  isPersonColumn(column: string): boolean {
    const words = columnWords(column)
    if (words.some((w) => areaWords.has(w))) return false
    const squashed = words.join('')
    return words.some((w) => personWords.has(w)) || personCompounds.some((c) => squashed.includes(c))
  },
  /** A BSN-like number in a cell: 9 digits (optionally written 1234.56.782 or 1234 56 782) passing the elfproef. */
  containsBsn(value: string | number | boolean | null): boolean {
    if (typeof value === 'number') return Number.isInteger(value) && passesElfproef(String(value).padStart(9, '0'))
    if (typeof value !== 'string') return false
    for (const match of value.matchAll(/(?<![\d.])\d{4}[. ]?\d{2}[. ]?\d{3}(?![\d.])|(?<!\d)\d{9}(?!\d)/g))
      if (passesElfproef(match[0].replace(/\D/g, ''))) return true
    return false
  },
  /** "5211 AB 12" or "5211AB 12": a postcode with a house number points at one address. */
  postcodeWithNumber: /^\d{4}\s?[A-Za-z]{2}\s*\d+/,
  /** A calendar date (2015-01-31, 31-01-2015, 31/1/2015, 31.01.2015): figures per area name periods, not days. */
  fullDate: /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:[T ]\d{1,2}:\d{2}.*)?$/,
  /** A person's name: two to five words, the first and last capitalised ("Jan Jansen", "J. de Vries"). */
  personName: /^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,3}\s+\p{Lu}[\p{L}'’-]+$/u,
  /** An identifier: six or more digits, perhaps behind a few letters (`C-123456`, `1234567`). */
  identifier: /^[A-Za-z]{0,4}[-\s]?\d{6,}$/,
  /** Rows per person show as one region, period and category on this many rows (two is a typo, reported as such). */
  crowdedRows: 3,
} as const
