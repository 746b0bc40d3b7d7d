import { randomInt } from 'node:crypto'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './join-code'

// Apart from join-code.ts because node:crypto cannot go into the browser bundle, where the join
// schema (and so the code's format) is checked as people type.
export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)]
  return code
}
