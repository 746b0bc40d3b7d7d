import type { interventionsNl } from './interventions.nl'

/** English texts of domain of interventions: metrics, statuses, validation messages (same keys as interventions.nl.ts). */
export const interventionsEn: Record<keyof typeof interventionsNl, string> = {
  'interventions.area': 'Interventions',
}
