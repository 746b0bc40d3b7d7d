import { randomInt } from 'node:crypto'

/** No 0/O, 1/I/L: codes are read aloud and typed on phones. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6
const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)

export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)]
  return code
}

/** What a person typed, as a code: case, spaces and dashes don't matter. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

export function isJoinCode(code: string): boolean {
  return JOIN_CODE_PATTERN.test(code)
}
