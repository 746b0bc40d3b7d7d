import { metricList } from '~/interventions/targets.server'

/** The catalogue of target metrics: label, unit, the good direction and whether a baseline can come from the wijk data. */
export const loader = () => Response.json({ metrics: metricList() })
