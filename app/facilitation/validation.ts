import { z } from 'zod'
import { requiredString } from '~/validation'

/** `POST /api/v1/sessions/:id/frames`: a built-in template id or the id of a saved template. */
export const placeFrameSchema = z.object({
  template: requiredString('templates.error.template', 64, 'templates.error.unknown'),
})

/** `POST /api/v1/sessions/:id/contributions`: the note's text, and where it was written. */
export const contributionSchema = z.object({
  text: requiredString('contribution.error.text', 200, 'contribution.error.textTooLong'),
  // `api` for integrations; the canvas and the phone page say which of the two they are.
  source: z.enum(['api', 'phone', 'canvas'], { error: 'contribution.error.source' }).default('api'),
})

/** `POST /api/v1/sessions/:id/templates`: keep a frame of the canvas as a template. */
export const saveTemplateSchema = z.object({
  frameId: requiredString('templates.error.frameId', 100, 'templates.error.frameId'),
  name: requiredString('templates.error.name', 80, 'templates.error.nameTooLong'),
})
