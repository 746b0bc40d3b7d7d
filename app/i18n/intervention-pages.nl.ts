/** Dutch texts of the intervention pages (issue 10). */
export const interventionPagesNl = {
  'intervention-pages.area': 'Interventies',
}
