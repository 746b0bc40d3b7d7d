import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { createFirstAccount } from '~/auth/commands.server'
import { countUsers } from '~/auth/users.server'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { formToObject } from '~/validation'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'setup.title')

export async function loader(_: LoaderFunctionArgs) {
  if (countUsers(db()) > 0) throw redirect('/inloggen')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const result = await createFirstAccount(db(), formToObject(await request.formData()))
  if (result.ok) return redirect('/sessies', { headers: { 'Set-Cookie': result.setCookie! } })
  if (result.status === 403) return redirect('/inloggen')
  return { errors: result.errors }
}

export default function FirstAccount() {
  const data = useActionData<typeof action>()
  const errors: Record<string, string | undefined> = data?.errors ?? {}
  const { t, tx } = useT()
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.text')}</p>
        <Form method="post" className="card" noValidate>
          {errors._form ? (
            <p className="form-error" role="alert">
              {tx(errors._form)}
            </p>
          ) : null}
          <Field name="name" label={t('field.name')} autoComplete="name" required error={errors.name} />
          <Field
            name="email"
            type="email"
            label={t('field.email')}
            autoComplete="email"
            required
            error={errors.email}
          />
          <Field
            name="password"
            type="password"
            label={t('field.password')}
            hint={t('field.password.hint')}
            autoComplete="new-password"
            required
            error={errors.password}
          />
          <button type="submit" className="button">
            {t('setup.submit')}
          </button>
        </Form>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
