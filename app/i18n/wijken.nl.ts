/** Dutch texts of the wijk data profile pages (merged into the one dictionary in ./nl.ts). */
export const wijkenNl = {
  'wijken.title': 'Wijkprofiel',
} as const
