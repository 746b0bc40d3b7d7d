import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { accountSchema, loginSchema } from '~/auth/validation'
import { parseForm, replyWithErrors } from '~/forms'
import { createSessionSchema, joinSchema } from '~/sessions/validation'
import { fieldErrors } from '~/validation'

const formData = (fields: Record<string, string>) => {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return form
}

const errorsOf = (submission: ReturnType<typeof parseForm>) =>
  submission.status === 'success' ? {} : submission.reply().error

describe('forms read through the shared schemas', () => {
  it('treat a blank field, or one of only spaces, as not given', () => {
    const submission = parseForm(formData({ title: '   ', wijkCode: '  ', place: '' }), createSessionSchema)
    expect(errorsOf(submission)).toEqual({ title: ['v.title.required'] })

    const valid = parseForm(formData({ title: ' Ouders ', wijkCode: ' ', place: '' }), createSessionSchema)
    expect(valid.status).toBe('success')
    expect(valid.status === 'success' && valid.value).toEqual({ title: 'Ouders' })
  })

  it('give every field the message the JSON API gives for the same input', () => {
    const cases: [z.ZodType, Record<string, string>][] = [
      [createSessionSchema, { title: 'x'.repeat(121), wijkCode: 'Tilburg', place: 'y'.repeat(121) }],
      [accountSchema, { name: 'Sanne', email: 'geen-adres', password: 'kort' }],
      [joinSchema, { joinCode: 'K7MR40', role: 'buurman', displayName: 'z'.repeat(41) }],
      [loginSchema, { email: 'sanne@example.org' }],
    ]
    for (const [schema, fields] of cases) {
      const api = fieldErrors(schema.safeParse(fields).error!)
      const form = Object.fromEntries(
        Object.entries(errorsOf(parseForm(formData(fields), schema)) ?? {}).map(([name, messages]) => [
          name,
          messages?.[0],
        ]),
      )
      expect(form).toEqual(api)
    }
  })

  it('name the required fields of an empty form', () => {
    expect(errorsOf(parseForm(formData({}), accountSchema))).toEqual({
      name: ['v.name.required'],
      email: ['v.email.required'],
      password: ['v.password.choose'],
    })
    expect(errorsOf(parseForm(formData({ joinCode: 'K7MR4P' }), joinSchema))).toEqual({ role: ['v.role.required'] })
  })

  // The commands validate again (they are the JSON API's and CLI's entry too), so what a form
  // yields must read the same a second time.
  it('yield values that the schema accepts unchanged', () => {
    const cases: [z.ZodType, Record<string, string>][] = [
      [createSessionSchema, { title: ' Ouders ', wijkCode: 'wk079601 ', place: ' IKC ' }],
      [accountSchema, { name: ' Sanne ', email: ' Sanne@Example.org ', password: '  lang genoeg  ' }],
      [joinSchema, { joinCode: 'k7m-r4p', role: 'ouder', displayName: '  ' }],
      [loginSchema, { email: 'sanne@example.org ', password: 'geheim' }],
    ]
    for (const [schema, fields] of cases) {
      const submission = parseForm(formData(fields), schema)
      expect(submission.status).toBe('success')
      if (submission.status === 'success') expect(schema.parse(submission.value)).toEqual(submission.value)
    }
  })
})

describe('replyWithErrors', () => {
  it("puts a command's refusal on the form and its fields, without echoing hidden fields", () => {
    const submission = parseForm(formData({ email: 'sanne@example.org', password: 'geheim' }), loginSchema)
    const reply = replyWithErrors(
      submission,
      { _form: 'v.login.failed', email: 'v.email.taken' },
      { hideFields: ['password'] },
    )
    expect(reply.error).toEqual({ '': ['v.login.failed'], email: ['v.email.taken'] })
    expect(reply.initialValue).toEqual({ email: 'sanne@example.org' })
  })
})
