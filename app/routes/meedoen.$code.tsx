import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { participantRoles } from '../../db/roles'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { joinSession, lookUpJoinCode } from '~/sessions/commands.server'
import { normalizeJoinCode } from '~/sessions/join-code'
import { formToObject } from '~/validation'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'join.title')

/** Step 2 of joining (also where a join link lands): who are you, and an optional name. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = lookUpJoinCode(db(), normalizeJoinCode(params.code ?? ''), context.clientAddress)
  if (!found.ok) throw redirect(`/meedoen?code=${encodeURIComponent(params.code ?? '')}`)
  return { title: found.session.title, code: found.session.joinCode }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const input = { ...formToObject(await request.formData()), joinCode: params.code }
  const result = await joinSession(db(), input, request.headers.get('Cookie'), context.clientAddress)
  if (!result.ok) return { errors: result.errors }
  return redirect(`/sessies/${result.value.session.id}`, { headers: { 'Set-Cookie': result.setCookie! } })
}

export default function JoinRole() {
  const { title } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const errors: Record<string, string | undefined> = data?.errors ?? {}
  const { t, tx } = useT()
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('join.title')}</h1>
        <p>{t('join.whoText', { title })}</p>
        <Form method="post" noValidate>
          <fieldset className="roles" aria-describedby={errors.role ? 'role-error' : undefined}>
            <legend>{t('join.who')}</legend>
            {errors.role ? (
              <p className="error" id="role-error">
                {tx(errors.role)}
              </p>
            ) : null}
            {participantRoles.map((role) => (
              <label key={role} className="role-option">
                <input type="radio" name="role" value={role} required />
                <span>
                  <strong>{t(`role.${role}`)}</strong>
                  <span className="hint">{t(`role.${role}.hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Field
            name="displayName"
            label={t('field.displayName')}
            hint={t('field.displayName.hint')}
            autoComplete="nickname"
            maxLength={40}
            error={errors.displayName}
          />
          <button type="submit" className="button wide">
            {t('join.submit')}
          </button>
        </Form>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
