import { z } from 'zod'
import { requiredString } from '../validation'

export const loginSchema = z.object({
  email: z.string({ error: 'Vul je e-mailadres in.' }).trim().min(1, { error: 'Vul je e-mailadres in.' }),
  password: z.string({ error: 'Vul je wachtwoord in.' }).min(1, { error: 'Vul je wachtwoord in.' }),
})

export const MIN_PASSWORD_LENGTH = 10

export const accountSchema = z.object({
  name: requiredString('Vul je naam in.', 100, 'Een naam is hoogstens 100 tekens.'),
  email: z
    .string({ error: 'Vul je e-mailadres in.' })
    .trim()
    .pipe(z.email({ error: 'Dit is geen geldig e-mailadres.' })),
  password: z
    .string({ error: 'Kies een wachtwoord.' })
    .min(MIN_PASSWORD_LENGTH, { error: `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens.` })
    .max(200, { error: 'Een wachtwoord is hoogstens 200 tekens.' }),
})
