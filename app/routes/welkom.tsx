import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { createFirstAccount } from '~/auth/commands.server'
import { countUsers } from '~/auth/users.server'
import { accountSchema } from '~/auth/validation'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { PostForm } from '~/components/PostForm'
import { db } from '~/db.server'
import { parseForm, replyWithErrors, useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'setup.title')

export async function loader(_: LoaderFunctionArgs) {
  if (countUsers(db()) > 0) throw redirect('/inloggen')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), accountSchema)
  // Checked before "is there an account yet": a post with errors after that still ends on
  // /inloggen, where this page's loader sends it.
  if (submission.status !== 'success') return submission.reply({ hideFields: ['password'] })
  const result = await createFirstAccount(db(), submission.value)
  if (result.ok) return redirect('/sessies', { headers: { 'Set-Cookie': result.setCookie! } })
  if (result.status === 403) return redirect('/inloggen')
  return replyWithErrors(submission, result.errors, { hideFields: ['password'] })
}

export default function FirstAccount() {
  const [form, fields] = useSchemaForm('first-account', accountSchema, useActionData<typeof action>())
  const { t } = useT()
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.text')}</p>
        <PostForm form={form} className="card" submitLabel={t('setup.submit')}>
          <Field meta={fields.name} label={t('field.name')} autoComplete="name" required />
          <Field meta={fields.email} type="email" label={t('field.email')} autoComplete="email" required />
          <Field
            meta={fields.password}
            type="password"
            label={t('field.password')}
            hint={t('field.password.hint')}
            autoComplete="new-password"
            required
          />
        </PostForm>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
