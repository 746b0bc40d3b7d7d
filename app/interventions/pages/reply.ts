import type { SubmissionResult } from '@conform-to/react'
import { useActionData } from '@remix-run/react'

/**
 * What the intervention pages' actions answer for a form: which form (`formId`, one per target
 * or version where a page has several of the same kind) and conform's reply for it.
 */
export interface FormReply {
  formId: string
  result: SubmissionResult
}

/** The server's last reply for this form, if the last post was this form's. */
export function useReply(formId: string): SubmissionResult | undefined {
  const data = useActionData() as FormReply | Record<string, unknown> | undefined
  return data && 'formId' in data && data.formId === formId ? (data as FormReply).result : undefined
}
