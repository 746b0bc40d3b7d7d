import type { interventionPagesNl } from './intervention-pages.nl'

/** English texts of the intervention pages (same keys as intervention-pages.nl.ts). */
export const interventionPagesEn: Record<keyof typeof interventionPagesNl, string> = {
  'intervention-pages.area': 'Interventions',
}
