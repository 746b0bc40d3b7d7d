import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { login } from '~/auth/commands.server'
import { getUser } from '~/auth/session.server'
import { countUsers } from '~/auth/users.server'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { safeRedirectPath } from '~/safe-redirect'
import { formToObject } from '~/validation'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export async function loader({ request }: LoaderFunctionArgs) {
  if (countUsers(db()) === 0) throw redirect('/welkom')
  if (await getUser(db(), request)) throw redirect('/sessies')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const result = await login(db(), formToObject(form), context.clientAddress)
  if (!result.ok)
    return { errors: result.errors, throttled: result.status === 429, email: String(form.get('email') ?? '') }
  return redirect(safeRedirectPath(form.get('terug'), '/sessies'), { headers: { 'Set-Cookie': result.setCookie! } })
}

export default function Login() {
  const data = useActionData<typeof action>()
  const errors: Record<string, string | undefined> = data?.errors ?? {}
  const [params] = useSearchParams()
  const { t } = useT()
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('login.title')}</h1>
        <Form method="post" className="card" noValidate>
          {errors._form ? (
            <p className="form-error" role="alert">
              {data?.throttled ? t('login.throttled') : t('login.failed')}
            </p>
          ) : null}
          <input type="hidden" name="terug" value={params.get('terug') ?? ''} />
          <Field
            name="email"
            type="email"
            label={t('field.email')}
            autoComplete="username"
            defaultValue={data?.email}
            required
            error={errors.email}
          />
          <Field
            name="password"
            type="password"
            label={t('field.password')}
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <button type="submit" className="button">
            {t('login.submit')}
          </button>
        </Form>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
