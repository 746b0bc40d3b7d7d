import type { Role } from '../../db/roles'
import { t, type Locale } from './index'

export function roleLabel(locale: Locale, role: Role): string {
  return t(locale, `role.${role}`)
}

/** The name others see: the chosen name, or the anonymous label such as "Ouder 3". */
export function participantLabel(
  locale: Locale,
  p: { role: Role; number: number; displayName: string | null },
): string {
  return p.displayName ?? `${roleLabel(locale, p.role)} ${p.number}`
}
