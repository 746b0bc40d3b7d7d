/**
 * Privacy by construction: the ONE place that decides whether a figure may be shown or sent.
 *
 * - Nothing derived from a count below the indicator's minimum base (default 10) leaves the
 *   server: the value becomes `{ value: null, reason: 'too-small' }` ("te klein om te tonen").
 * - A cell CBS left empty (suppressed, secret, unknown) is never turned into 0.
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
