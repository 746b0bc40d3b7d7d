import { z } from 'zod'
import { requiredString } from '../validation'
import { participantRoles } from '../../db/roles'
import { isJoinCode, normalizeJoinCode } from './join-code'

export const WIJK_CODE_PATTERN = /^WK\d{6}$/

export const createSessionSchema = z.object({
  title: requiredString('Geef de werksessie een titel.', 120, 'Een titel is hoogstens 120 tekens.'),
  wijkCode: z
    .string({ error: 'Een wijkcode is tekst, zoals WK079601.' })
    .trim()
    .toUpperCase()
    .regex(WIJK_CODE_PATTERN, { error: 'Een wijkcode is WK gevolgd door 6 cijfers, zoals WK079601.' })
    .optional(),
  place: z
    .string({ error: 'Een plek is tekst, zoals de naam van een school.' })
    .trim()
    .max(120, { error: 'Een plek is hoogstens 120 tekens.' })
    .optional(),
})

export const joinSchema = z.object({
  joinCode: z
    .string({ error: 'Vul de code in.' })
    .transform(normalizeJoinCode)
    .refine(isJoinCode, { error: 'Een code heeft 6 letters en cijfers, zoals K7MR4P.' }),
  role: z.enum(participantRoles, { error: 'Kies wie je bent: ouder, consultatiebureau of professional.' }),
  displayName: z
    .string({ error: 'Een naam is tekst.' })
    .trim()
    .max(40, { error: 'Een naam is hoogstens 40 tekens.' })
    .optional()
    .transform((v) => (v ? v : undefined)),
})
