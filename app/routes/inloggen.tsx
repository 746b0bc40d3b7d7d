import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useSearchParams } from '@remix-run/react'
import { login } from '~/auth/commands.server'
import { getUser } from '~/auth/session.server'
import { countUsers } from '~/auth/users.server'
import { loginSchema } from '~/auth/validation'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { PostForm } from '~/components/PostForm'
import { db } from '~/db.server'
import { parseForm, useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'
import { safeRedirectPath } from '~/safe-redirect'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export async function loader({ request }: LoaderFunctionArgs) {
  if (countUsers(db()) === 0) throw redirect('/welkom')
  if (await getUser(db(), request)) throw redirect('/sessies')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const submission = parseForm(form, loginSchema)
  if (submission.status !== 'success') return submission.reply({ hideFields: ['password'] })
  const result = await login(db(), submission.value, context.clientAddress, request.headers.get('Cookie'))
  if (!result.ok) {
    // A wrong password in the page's own words; a wait (throttled, busy) says how long.
    const message = result.status === 401 ? 'login.failed' : (result.errors._form ?? 'login.failed')
    return submission.reply({ formErrors: [message], hideFields: ['password'] })
  }
  const headers = new Headers()
  headers.append('Set-Cookie', result.setCookie!)
  headers.append('Set-Cookie', result.deviceCookie!)
  return redirect(safeRedirectPath(form.get('terug'), '/sessies'), { headers })
}

export default function Login() {
  const [form, fields] = useSchemaForm('login', loginSchema, useActionData<typeof action>())
  const [params] = useSearchParams()
  const { t } = useT()
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('login.title')}</h1>
        <PostForm form={form} className="card" submitLabel={t('login.submit')}>
          <input type="hidden" name="terug" value={params.get('terug') ?? ''} />
          <Field meta={fields.email} type="email" label={t('field.email')} autoComplete="username" required />
          <Field
            meta={fields.password}
            type="password"
            label={t('field.password')}
            autoComplete="current-password"
            required
          />
        </PostForm>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
