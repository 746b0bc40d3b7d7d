import { z } from 'zod'

/** A number as an administrator types it: "12,5" or "12.5". */
const decimal = (s: string) => Number(s.trim().replace(',', '.'))

/**
 * The administrator's settings of one own indicator (the form on /beheer/eigen-cijfers). Messages
 * are i18n keys. A figure counts in the risk cocktail only with a direction: "neither" is a
 * background figure.
 */
export const ownIndicatorSettingsSchema = z
  .object({
    code: z.string({ error: 'own.notFound' }).min(1, { error: 'own.notFound' }),
    label: z
      .string({ error: 'own.v.label' })
      .trim()
      .min(1, { error: 'own.v.label' })
      .max(120, { error: 'own.v.label' }),
    labelEn: z.string().trim().max(120, { error: 'own.v.labelEn' }).optional(),
    unit: z.string({ error: 'own.v.unit' }).trim().min(1, { error: 'own.v.unit' }).max(40, { error: 'own.v.unit' }),
    definition: z.string().trim().max(1000, { error: 'own.v.definition' }).optional(),
    kind: z.enum(['count', 'rate'], { error: 'own.v.label' }),
    baseColumn: z.string().optional(),
    direction: z.enum(['higher', 'lower', 'none'], { error: 'own.v.cocktailNeedsDirection' }),
    inCocktail: z.literal('on').optional(),
    threshold: z
      .string()
      .optional()
      .refine((s) => s === undefined || Number.isFinite(decimal(s)), { error: 'own.v.threshold' }),
    decimals: z.string({ error: 'own.v.decimals' }).regex(/^[0-3]$/, { error: 'own.v.decimals' }),
  })
  .refine((v) => !(v.inCocktail && v.direction === 'none'), {
    error: 'own.v.cocktailNeedsDirection',
    path: ['inCocktail'],
  })
  .transform((v) => ({
    code: v.code,
    settings: {
      label: v.label,
      // blank: no English name, the Dutch one is shown in English too
      labelEn: v.labelEn || null,
      unit: v.unit,
      definition: v.definition ?? '',
      kind: v.kind,
      baseColumn: v.kind === 'rate' && v.baseColumn ? v.baseColumn : null,
      riskDirection: v.direction === 'none' ? null : v.direction,
      inCocktail: v.inCocktail === 'on',
      threshold: v.threshold === undefined ? null : decimal(v.threshold),
      decimals: Number(v.decimals),
    },
  }))
