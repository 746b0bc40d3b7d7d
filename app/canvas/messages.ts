import { roleLabel as i18nRoleLabel } from '~/i18n/roles'

/** Locale and role types of the canvas; its texts live in app/i18n (canvas.nl.ts, canvas.en.ts). */
export type CanvasLocale = 'nl' | 'en'
export type CanvasRole = 'facilitator' | 'ouder' | 'consultatiebureau' | 'professional'

const ROLES: readonly CanvasRole[] = ['facilitator', 'ouder', 'consultatiebureau', 'professional']

/** The role as it follows a name ("Ouder 3 · ouder"); the wording lives in app/i18n. */
export function roleLabel(role: string | undefined, locale: CanvasLocale): string {
  if (!role || !ROLES.includes(role as CanvasRole)) return ''
  return i18nRoleLabel(locale, role as CanvasRole).toLocaleLowerCase(locale)
}
