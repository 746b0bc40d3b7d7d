import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { organisationTypes, participantRoles } from '../../db/roles'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { PostForm } from '~/components/PostForm'
import { db } from '~/db.server'
import { parseForm, replyWithErrors, useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'
import { participantLabel } from '~/i18n/roles'
import { joinSession, lookUpJoinCode } from '~/sessions/commands.server'
import { normalizeJoinCode } from '~/sessions/join-code'
import { participantLanding, PHONE_SCREEN_QUERY, SCREEN_FIELD } from '~/sessions/landing'
import { joinSchema } from '~/sessions/validation'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'join.title')

/** The loader's Cache-Control (no-store on the closed page) reaches the document response. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

/**
 * Step 2 of joining (also where a join link lands): who are you, and an optional name. A device
 * that joined this werksessie before is welcomed back as itself instead of choosing again.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = normalizeJoinCode(params.code ?? '')
  const found = await lookUpJoinCode(db(), code, {
    address: context.clientAddress,
    cookieHeader: request.headers.get('Cookie'),
  })
  // A closed session's link (on a poster, in a chat) gets a page that says so, not the code form.
  if (!found.ok && found.status === 410) {
    // 410 is cacheable by default: without no-store a browser would keep it after a reopen.
    return data(
      { title: '', code, gone: found.errors._form ?? null, me: null },
      { status: 410, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  if (!found.ok) throw redirect(`/meedoen?code=${encodeURIComponent(params.code ?? '')}`)
  const { session, mine } = found
  if (mine?.removedAt) {
    return data(
      { title: session.title, code: session.joinCode, gone: 'error.session.removed', me: null },
      { status: 403, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  const me = mine ? { role: mine.role, number: mine.number, displayName: mine.displayName } : null
  return { title: session.title, code: session.joinCode, gone: null, me }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData()
  // The code joined is the one in the address, whatever the form says.
  form.set('joinCode', params.code ?? '')
  const submission = parseForm(form, joinSchema)
  if (submission.status !== 'success') return { result: submission.reply(), kept: false }
  const result = await joinSession(db(), submission.value, request.headers.get('Cookie'), context.clientAddress)
  if (!result.ok) return { result: replyWithErrors(submission, result.errors), kept: false }
  const { session, kept } = result.value
  // Back in with another role or name: nothing changed, and the page says so before going on.
  if (kept.length) return data({ result: undefined, kept: true }, { headers: { 'Set-Cookie': result.setCookie! } })
  const landing = participantLanding(session.id, form.get(SCREEN_FIELD), request.headers)
  return redirect(landing, { headers: { 'Set-Cookie': result.setCookie! } })
}

export default function JoinRole() {
  const { gone, me } = useLoaderData<typeof loader>()
  if (gone) return <JoinClosed />
  return me ? <JoinReturning /> : <JoinForm />
}

/**
 * The screen this form is posted from, for where the participant lands (landing.ts). Empty
 * until the page runs in the browser: a post without JavaScript leaves it to the headers.
 */
function ScreenField() {
  const [screen, setScreen] = useState('')
  useEffect(() => {
    const query = window.matchMedia(PHONE_SCREEN_QUERY)
    const update = () => setScreen(query.matches ? 'phone' : 'wide')
    update()
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }, [])
  return <input type="hidden" name={SCREEN_FIELD} value={screen} />
}

function JoinClosed() {
  const { code, gone } = useLoaderData<typeof loader>()
  const { t, tx } = useT()
  const closed = gone === 'error.joinCode.closed'
  const removed = gone === 'error.session.removed'
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{closed ? t('join.closed.title') : removed ? t('join.removed.title') : t('join.title')}</h1>
        <p data-testid="join-closed">{closed ? t('join.closed.text', { code }) : tx(gone ?? undefined)}</p>
      </main>
    </>
  )
}

/** This device is in the werksessie already: on as the same participant, with one button. */
function JoinReturning() {
  const { title, code, me } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  // Refused on the way back in (the session closed meanwhile): the form's message, as PostForm shows it.
  const failed = reply?.result?.error?.['']?.[0]
  const { t, tx, locale } = useT()
  if (!me) return null
  const name = participantLabel(locale, me)
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('join.title')}</h1>
        {failed ? (
          <p className="form-error" role="alert">
            {tx(failed)}
          </p>
        ) : null}
        {reply?.kept ? (
          <p className="notice" role="status" data-testid="join-kept">
            {t('join.returning.kept', { name })}
          </p>
        ) : (
          <p data-testid="join-returning">{t('join.returning.text', { title, name })}</p>
        )}
        <Form method="post">
          <input type="hidden" name="joinCode" value={code} />
          <input type="hidden" name="role" value={me.role} />
          <ScreenField />
          <button type="submit" className="button wide">
            {t('join.returning.continue', { name })}
          </button>
        </Form>
      </main>
    </>
  )
}

function JoinForm() {
  const { title, code } = useLoaderData<typeof loader>()
  const [form, fields] = useSchemaForm('join', joinSchema, useActionData<typeof action>()?.result)
  const { role, organisationType: org } = fields
  const { t, tx } = useT()
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('join.title')}</h1>
        <p>{t('join.whoText', { title })}</p>
        {/* A whole-page post: on a slow phone network the phone page then comes in one answer
            (its HTML with styles and scripts named in it), not in a chain of client requests. */}
        <PostForm form={form} submitLabel={t('join.submit')} submitClassName="button wide" reloadDocument>
          {/* So the schema can be checked whole in the browser; the action takes the code from the address. */}
          <input type="hidden" name="joinCode" value={code} />
          <ScreenField />
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
