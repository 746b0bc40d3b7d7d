import { getInputProps, type FieldMetadata } from '@conform-to/react'
import type { InputHTMLAttributes } from 'react'
import { useT } from '~/i18n/use-t'

type InputType = 'text' | 'email' | 'password' | 'search' | 'tel' | 'url'

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: string
  hint?: string
  type?: InputType
} & (
    | {
        /** A field of a conform form (`useSchemaForm`): its id, name, value to show again and errors. */
        meta: FieldMetadata<string | undefined>
        name?: never
        error?: never
      }
    | {
        /** Outside conform (a search form read by its loader): the name and the message, if any. */
        meta?: never
        name: string
        error?: string
      }
  )

/** A labelled input with its hint and error wired up for screen readers; messages may be i18n keys. */
export function Field({ meta, name, error: message, label, hint, type = 'text', id, ...input }: FieldProps) {
  const { tx } = useT()
  const control = meta ? getInputProps(meta, { type, ariaAttributes: false }) : { id: id ?? `f-${name}`, name, type }
  const error = tx(meta ? meta.errors?.[0] : message)
  const described = [hint ? `${control.id}-hint` : null, error ? `${control.id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${control.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input
        {...control}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {error ? (
        <span className="error" id={`${control.id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  )
}
