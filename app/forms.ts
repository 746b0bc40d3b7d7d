import { useForm, type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { configureCoercion } from '@conform-to/zod/v4/future'
import type { z } from 'zod'

// A field holding only spaces counts as left blank, so an optional field is "not given" and a
// required one gets its "required" message (conform's default only treats '' as blank).
const { coerceFormValue } = configureCoercion({
  stripEmptyString: (value) => (value.trim() === '' ? undefined : value),
})

/**
 * A form post read through one of the shared zod schemas (the ones the JSON API and CLI use via
 * the commands), so a field gets the same message from a form as from an API call. The action
 * calls it, and the page calls it again in the browser to show the messages as people type.
 */
export function parseForm<Schema extends z.ZodType>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema: coerceFormValue(schema), disableAutoCoercion: true })
}

/**
 * A command's refusal (`{ field: message }`, `_form` for the form as a whole) added to the form's
 * submission, for the things only the server knows (a wrong password, a taken e-mail address).
 */
export function replyWithErrors(
  submission: Submission<unknown>,
  errors: Record<string, string>,
  options: { hideFields?: string[] } = {},
): SubmissionResult {
  const { _form, ...fields } = errors
  return submission.reply({
    formErrors: _form ? [_form] : [],
    fieldErrors: Object.fromEntries(Object.entries(fields).map(([name, message]) => [name, [message]])),
    hideFields: options.hideFields,
  })
}

/**
 * The page side of a form: the server's last reply (which also carries the values to show again
 * when the page is rendered without JavaScript), and the same schema checked in the browser: on
 * submit first, then again as a field is changed. Never on blur: a message appearing or going
 * while the pointer goes down on the submit button moves the button, and the click is lost.
 * Messages are i18n keys; `Field` translates them in the reader's language.
 *
 * Actions reply with status 200: with single fetch a 4xx would skip revalidating the loaders,
 * which redirect away from a form that no longer applies (a deleted werksessie's join page).
 */
export function useSchemaForm<Schema extends z.ZodObject>(
  id: string,
  schema: Schema,
  lastResult: SubmissionResult | null | undefined,
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult,
    onValidate: ({ formData }) => parseForm(formData, schema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
}
