import { z } from 'zod'
import { requiredString } from '~/validation'
import { regionCodePatterns } from '~/wijken/regions'
import { sessionPhases } from '../../db/phases'
import { organisationTypes, participantRoles } from '../../db/roles'
import { isJoinCode, normalizeJoinCode } from './join-code'
import { MAX_TIMER_MINUTES } from './timer'

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
  /** For professionals: the kind of organisation, never its name; '' (a form's empty choice) is none. */
  organisationType: z
    .union([z.enum(organisationTypes), z.literal('')], { error: 'v.organisationType.unknown' })
    .optional()
    .transform((v) => (v ? v : undefined)),
})

/** `POST /api/v1/sessions/:id/phase` and the step picker. */
export const phaseSchema = z.object({
  phase: z.enum(sessionPhases, { error: 'v.phase.unknown' }),
})

/** `POST /api/v1/sessions/:id/timer`: `minutes` only with `start`. */
export const timerSchema = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('start'),
      minutes: z
        .number({ error: 'v.timer.minutes' })
        .int({ error: 'v.timer.minutes' })
        .min(1, { error: 'v.timer.minutes' })
        .max(MAX_TIMER_MINUTES, { error: 'v.timer.minutes' }),
    }),
    z.object({ action: z.enum(['pause', 'resume', 'addMinute', 'stop']) }),
  ],
  { error: 'v.timer.action' },
)

/**
 * The settings page: title, wijk and place. The wijk is chosen from the known wijken, so its
 * code is checked against the database by the command (an empty choice clears it).
 */
export const sessionSettingsSchema = z.object({
  title: requiredString('v.title.required', 120, 'v.title.max'),
  wijkCode: z
    .string({ error: 'v.wijkCode.type' })
    .trim()
    .toUpperCase()
    .regex(regionCodePatterns.wijk, { error: 'v.wijkCode.unknown' })
    .optional(),
  place: z.string({ error: 'v.place.type' }).trim().max(120, { error: 'v.place.max' }).optional(),
})

/** A co-facilitator is invited by the e-mail address of an existing account. */
export const inviteSchema = z.object({
  email: z
    .string({ error: 'v.email.required' })
    .trim()
    .min(1, { error: 'v.email.required' })
    .pipe(z.email({ error: 'v.email.invalid' })),
})
