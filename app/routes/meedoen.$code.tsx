import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { organisationTypes, participantRoles } from '../../db/roles'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { PostForm } from '~/components/PostForm'
import { db } from '~/db.server'
import { parseForm, replyWithErrors, useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'
import { joinSession, lookUpJoinCode } from '~/sessions/commands.server'
import { normalizeJoinCode } from '~/sessions/join-code'
import { joinSchema } from '~/sessions/validation'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'join.title')

/** The loader's Cache-Control (no-store on the closed page) reaches the document response. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

/** Step 2 of joining (also where a join link lands): who are you, and an optional name. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const code = normalizeJoinCode(params.code ?? '')
  const found = lookUpJoinCode(db(), code, context.clientAddress)
  // A closed session's link (on a poster, in a chat) gets a page that says so, not the code form.
  if (!found.ok && found.status === 410) {
    // 410 is cacheable by default: without no-store a browser would keep it after a reopen.
    return data(
      { title: '', code, gone: found.errors._form ?? null },
      { status: 410, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  if (!found.ok) throw redirect(`/meedoen?code=${encodeURIComponent(params.code ?? '')}`)
  return { title: found.session.title, code: found.session.joinCode, gone: null }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData()
  // The code joined is the one in the address, whatever the form says.
  form.set('joinCode', params.code ?? '')
  const submission = parseForm(form, joinSchema)
  if (submission.status !== 'success') return submission.reply()
  const result = await joinSession(db(), submission.value, request.headers.get('Cookie'), context.clientAddress)
  if (!result.ok) return replyWithErrors(submission, result.errors)
  return redirect(`/sessies/${result.value.session.id}`, { headers: { 'Set-Cookie': result.setCookie! } })
}

export default function JoinRole() {
  const { gone } = useLoaderData<typeof loader>()
  return gone ? <JoinClosed /> : <JoinForm />
}

function JoinClosed() {
  const { code, gone } = useLoaderData<typeof loader>()
  const { t, tx } = useT()
  const closed = gone === 'error.joinCode.closed'
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{closed ? t('join.closed.title') : t('join.title')}</h1>
        <p data-testid="join-closed">{closed ? t('join.closed.text', { code }) : tx(gone ?? undefined)}</p>
      </main>
    </>
  )
}

function JoinForm() {
  const { title, code } = useLoaderData<typeof loader>()
  const [form, fields] = useSchemaForm('join', joinSchema, useActionData<typeof action>())
  const { role, organisationType: org } = fields
  const { t, tx } = useT()
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('join.title')}</h1>
        <p>{t('join.whoText', { title })}</p>
        <PostForm form={form} submitLabel={t('join.submit')} submitClassName="button wide">
          {/* So the schema can be checked whole in the browser; the action takes the code from the address. */}
          <input type="hidden" name="joinCode" value={code} />
          <fieldset className="roles" aria-describedby={role.errors ? role.errorId : undefined}>
            <legend>{t('join.who')}</legend>
            {role.errors ? (
              <p className="error" id={role.errorId}>
                {tx(role.errors[0])}
              </p>
            ) : null}
            {participantRoles.map((value) => (
              <label key={value} className="role-option">
                <input
                  type="radio"
                  name={role.name}
                  value={value}
                  defaultChecked={role.initialValue === value}
                  required
                />
                <span>
                  <strong>{t(`role.${value}`)}</strong>
                  <span className="hint">{t(`role.${value}.hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {/* The kind of organisation a professional comes from, never its name (like Field, for a select). */}
          <div className="field">
            <label htmlFor={org.id}>{t('field.organisationType')}</label>
            <span className="hint" id={`${org.id}-hint`}>
              {t('field.organisationType.hint')}
            </span>
            <select
              id={org.id}
              name={org.name}
              defaultValue={org.initialValue ?? ''}
              aria-invalid={org.errors ? true : undefined}
              aria-describedby={[`${org.id}-hint`, org.errors ? `${org.id}-error` : ''].filter(Boolean).join(' ')}
            >
              <option value="">{t('field.organisationType.none')}</option>
              {organisationTypes.map((value) => (
                <option key={value} value={value}>
                  {t(`contribution.org.${value}`)}
                </option>
              ))}
            </select>
            {org.errors ? (
              <span className="error" id={`${org.id}-error`}>
                {tx(org.errors[0])}
              </span>
            ) : null}
          </div>
          <Field
            meta={fields.displayName}
            label={t('field.displayName')}
            hint={t('field.displayName.hint')}
            autoComplete="nickname"
            maxLength={40}
          />
        </PostForm>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
