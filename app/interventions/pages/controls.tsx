import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { useT } from '~/i18n/use-t'

/**
 * A conform field of any value type: the shared schemas read numbers and dates from text
 * (preprocess), so their fields are typed `unknown` until parsed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>

/** Hint and error of a conform field, wired up as `Field` does for inputs. */
function useDescribed(meta: AnyField, hint: string | undefined) {
  const { tx } = useT()
  const error = tx(meta.errors?.[0])
  const described = [hint ? `${meta.id}-hint` : null, error ? `${meta.id}-error` : null].filter(Boolean).join(' ')
  return { error, described: described || undefined }
}

function Wrapper({
  meta,
  label,
  hint,
  error,
  children,
}: {
  meta: AnyField
  label: string
  hint?: string
  error?: string
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <span className="error" id={`${meta.id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  )
}

/** A labelled select of a conform form; `options` as [value, label]. */
export function SelectField({
  meta,
  label,
  hint,
  options,
  empty,
  ...select
}: {
  meta: AnyField
  label: string
  hint?: string
  options: [string, string][]
  /** a first option for "none" */
  empty?: string
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const { error, described } = useDescribed(meta, hint)
  return (
    <Wrapper meta={meta} label={label} hint={hint} error={error}>
      <select
        {...getSelectProps(meta, { ariaAttributes: false })}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...select}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Wrapper>
  )
}

/** A labelled textarea of a conform form. */
export function TextAreaField({
  meta,
  label,
  hint,
  ...area
}: {
  meta: AnyField
  label: string
  hint?: string
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { error, described } = useDescribed(meta, hint)
  return (
    <Wrapper meta={meta} label={label} hint={hint} error={error}>
      <textarea
        {...getTextareaProps(meta, { ariaAttributes: false })}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        rows={3}
        {...area}
      />
    </Wrapper>
  )
}

/** A labelled date input of a conform form (the browser's own date picker; ISO value). */
export function DateField({
  meta,
  label,
  hint,
  ...input
}: {
  meta: AnyField
  label: string
  hint?: string
} & InputHTMLAttributes<HTMLInputElement>) {
  const { error, described } = useDescribed(meta, hint)
  return (
    <Wrapper meta={meta} label={label} hint={hint} error={error}>
      <input
        {...getInputProps(meta, { type: 'date', ariaAttributes: false })}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        required
        {...input}
      />
    </Wrapper>
  )
}

/** A checkbox with its label around it ("on" when checked, absent when not). */
export function CheckboxField({ name, id, children }: { name: string; id: string; children: ReactNode }) {
  return (
    <div className="field iv-check">
      <label htmlFor={id}>
        <input id={id} type="checkbox" name={name} /> {children}
      </label>
    </div>
  )
}

/**
 * A labelled number of a conform form. A text input with a decimal keyboard, not type=number:
 * Dutch readers type a comma, which a number input refuses without a word.
 */
export function NumberField({
  meta,
  label,
  hint,
  ...input
}: {
  meta: AnyField
  label: string
  hint?: string
} & InputHTMLAttributes<HTMLInputElement>) {
  const field = meta
  const { error, described } = useDescribed(field, hint)
  return (
    <Wrapper meta={field} label={label} hint={hint} error={error}>
      <input
        {...getInputProps(field, { type: 'text', ariaAttributes: false })}
        inputMode="decimal"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...input}
      />
    </Wrapper>
  )
}

/** A labelled text input of a conform form whose value type the schema leaves open. */
export function TextField({
  meta,
  label,
  hint,
  type = 'text',
  ...input
}: {
  meta: AnyField
  label: string
  hint?: string
  type?: 'text' | 'email'
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const { error, described } = useDescribed(meta, hint)
  return (
    <Wrapper meta={meta} label={label} hint={hint} error={error}>
      <input
        {...getInputProps(meta, { type, ariaAttributes: false })}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...input}
      />
    </Wrapper>
  )
}
