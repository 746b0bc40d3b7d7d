import { roleLabel as i18nRoleLabel } from '~/i18n/roles'
import type { Locale } from '~/i18n'
import { isRole } from '../../db/roles'

/** The role as it follows a name ("Ouder 3 · ouder"); the wording lives in app/i18n. */
export function roleLabel(role: string | undefined, locale: Locale): string {
  if (!isRole(role)) return ''
  return i18nRoleLabel(locale, role).toLocaleLowerCase(locale)
}
