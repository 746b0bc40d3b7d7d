import type { wijkenNl } from './wijken.nl'

export const wijkenEn: Record<keyof typeof wijkenNl, string> = {
  'wijken.title': 'District profile',
}
