import { z } from 'zod'
import { requiredString } from '~/validation'

export const loginSchema = z.object({
  email: z.string({ error: 'v.email.required' }).trim().min(1, { error: 'v.email.required' }),
  password: z.string({ error: 'v.password.required' }).min(1, { error: 'v.password.required' }),
})

// The message 'v.password.min' names this number in words; change both together.
export const MIN_PASSWORD_LENGTH = 10

export const accountSchema = z.object({
  name: requiredString('v.name.required', 100, 'v.name.max'),
  email: z
    .string({ error: 'v.email.required' })
    .trim()
    .pipe(z.email({ error: 'v.email.invalid' })),
  password: z
    .string({ error: 'v.password.choose' })
    .min(MIN_PASSWORD_LENGTH, { error: 'v.password.min' })
    .max(200, { error: 'v.password.max' }),
})
