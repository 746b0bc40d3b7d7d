import { z } from 'zod'
import { requiredString } from '~/validation'

/** `POST /api/v1/sessions/:id/frames`: a built-in template id or the id of a saved template. */
export const placeFrameSchema = z.object({
  template: requiredString('templates.error.template', 64, 'templates.error.unknown'),
})

const contributionText = requiredString('contribution.error.text', 200, 'contribution.error.textTooLong')

/**
 * `POST /api/v1/sessions/:id/contributions`: the note's text, where it was written, and an
 * optional key of the sender's own for this idea: sent again (a lost answer, the phone's
 * offline outbox), the same key finds the note already made instead of making a second.
 */
export const contributionSchema = z.object({
  text: contributionText,
  // `api` for integrations; the canvas and the phone page say which of the two they are.
  source: z.enum(['api', 'phone', 'canvas'], { error: 'contribution.error.source' }).default('api'),
  clientKey: z
    .string({ error: 'contribution.error.clientKey' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'contribution.error.clientKey' })
    .optional(),
})

/** `PATCH /api/v1/sessions/:id/contributions/:shapeId`: a new text for one's own note. */
export const editContributionSchema = z.object({ text: contributionText })

/** `POST /api/v1/sessions/:id/templates`: keep a frame of the canvas as a template. */
export const saveTemplateSchema = z.object({
  frameId: requiredString('templates.error.frameId', 100, 'templates.error.frameId'),
  name: requiredString('templates.error.name', 80, 'templates.error.nameTooLong'),
})
