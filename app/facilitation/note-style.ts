import type { OrganisationType, Role } from '../../db/roles'
import type { NoteColor } from '~/canvas-doc'
import { t, type Locale } from '~/i18n'
import { roleLabel } from '~/i18n/roles'

/**
 * How a person's note looks on the canvas: a colour per role, so a room sees at a glance whose
 * experiences are whose, and the role (never a name) in bold on its first line, since colour
 * alone says nothing to someone who cannot tell the colours apart.
 */
export const roleNoteColor: Record<Role, NoteColor> = {
  facilitator: 'orange',
  ouder: 'yellow',
  consultatiebureau: 'light-green',
  professional: 'light-blue',
}

export function roleNoteLabel(locale: Locale, role: Role, organisationType?: OrganisationType | null): string {
  if (role === 'professional' && organisationType) {
    return t(locale, 'contribution.roleLabel.professional', {
      organisation: t(locale, `contribution.org.${organisationType}`),
    })
  }
  return roleLabel(locale, role)
}
