/** No 0/O, 1/I/L: codes are read aloud and typed on phones. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6
const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)

/** What a person typed, as a code: case, spaces and dashes don't matter. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

export function isJoinCode(code: string): boolean {
  return JOIN_CODE_PATTERN.test(code)
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Whether a werksessie's code still lets people in: not once the session is closed, and not
 * after `idleDays` without a join or a facilitator visit (a code on last year's poster).
 */
export function joinCodeState(
  session: { closedAt: Date | null; lastActivityAt: Date | null; createdAt: Date },
  now: Date,
  idleDays: number,
): 'open' | 'closed' | 'idle' {
  if (session.closedAt) return 'closed'
  const lastActive = session.lastActivityAt ?? session.createdAt
  return now.getTime() - lastActive.getTime() > idleDays * DAY_MS ? 'idle' : 'open'
}
