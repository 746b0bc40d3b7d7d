import type { interventionCanvasNl } from './intervention-canvas.nl'

/** English texts of the canvas's intervention tools (same keys as intervention-canvas.nl.ts). */
export const interventionCanvasEn: Record<keyof typeof interventionCanvasNl, string> = {
  'intervention-canvas.area': 'Interventions',
}
