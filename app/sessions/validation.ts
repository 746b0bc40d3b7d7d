import { z } from 'zod'
import { requiredString } from '~/validation'
import { regionCodePatterns } from '~/wijken/regions'
import { participantRoles } from '../../db/roles'
import { isJoinCode, normalizeJoinCode } from './join-code'

export const createSessionSchema = z.object({
  title: requiredString('v.title.required', 120, 'v.title.max'),
  wijkCode: z
    .string({ error: 'v.wijkCode.type' })
    .trim()
    .toUpperCase()
    .regex(regionCodePatterns.wijk, { error: 'v.wijkCode.format' })
    .optional(),
  place: z.string({ error: 'v.place.type' }).trim().max(120, { error: 'v.place.max' }).optional(),
})

export const joinSchema = z.object({
  joinCode: z
    .string({ error: 'v.joinCode.required' })
    .transform(normalizeJoinCode)
    .refine(isJoinCode, { error: 'v.joinCode.format' }),
  role: z.enum(participantRoles, { error: 'v.role.required' }),
  displayName: z
    .string({ error: 'v.displayName.type' })
    .trim()
    .max(40, { error: 'v.displayName.max' })
    .optional()
    .transform((v) => (v ? v : undefined)),
})
