import { getFormProps, type FormMetadata } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useT } from '~/i18n/use-t'

interface PostFormProps<Schema extends Record<string, unknown>> {
  /** From `useSchemaForm`: conform checks the fields before the post and shows the server's reply. */
  form: FormMetadata<Schema>
  submitLabel: string
  className?: string
  submitClassName?: string
  /** Disables the button while the post is on its way. */
  busy?: boolean
  /**
   * A plain browser post: the answer is a whole page, rendered on the server. Quicker than the
   * client's navigation where the next page needs code and styles this one has not loaded.
   */
  reloadDocument?: boolean
  children: ReactNode
}

/**
 * A form posted to its route's action. A message about the form as a whole (an i18n key, such as
 * a refused login) is announced above the fields; the submit button comes last.
 */
export function PostForm<Schema extends Record<string, unknown>>({
  form,
  submitLabel,
  className,
  submitClassName = 'button',
  busy,
  reloadDocument,
  children,
}: PostFormProps<Schema>) {
  const { tx } = useT()
  return (
    <Form method="post" className={className} reloadDocument={reloadDocument} {...getFormProps(form)}>
      {form.errors ? (
        <p className="form-error" role="alert">
          {tx(form.errors[0])}
        </p>
      ) : null}
      {children}
      <button type="submit" className={submitClassName} disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  )
}
