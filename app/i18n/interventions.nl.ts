/** Dutch texts of domain of interventions: metrics, statuses, validation messages (issue 10). */
export const interventionsNl = {
  'interventions.area': 'Interventies',
}
