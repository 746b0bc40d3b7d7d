import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { isJoinCode, normalizeJoinCode } from '~/sessions/join-code'
import { findSessionByJoinCode } from '~/sessions/sessions.server'

export const meta: MetaFunction = () => [{ title: 'Meedoen · Wijkatelier' }]

/** Step 1 of joining: the code (typed here, or from the home page's form). */
export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get('code')
  if (raw === null) return { code: '', unknown: false }
  const code = normalizeJoinCode(raw)
  if (isJoinCode(code) && findSessionByJoinCode(db(), code)) throw redirect(`/meedoen/${code}`)
  return { code: raw, unknown: true }
}

export default function JoinCode() {
  const { code, unknown } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <>
      <PageHeader />
      <main id="inhoud" className="page narrow">
        <h1>{t('join.title')}</h1>
        <p>{t('join.text')}</p>
        <Form method="get" className="card">
          <Field
            name="code"
            label={t('field.joinCode')}
            className="code-input"
            defaultValue={code}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={12}
            required
            error={unknown ? t('join.unknown') : undefined}
          />
          <button type="submit" className="button wide">
            {t('join.next')}
          </button>
        </Form>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
