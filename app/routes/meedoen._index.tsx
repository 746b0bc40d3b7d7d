import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { lookUpJoinCode } from '~/sessions/commands.server'
import { normalizeJoinCode } from '~/sessions/join-code'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'join.title')

/** Step 1 of joining: the code (typed here, or from the home page's form). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get('code')
  if (raw === null) return { code: '', error: null }
  const code = normalizeJoinCode(raw)
  const found = await lookUpJoinCode(db(), code, {
    address: context.clientAddress,
    cookieHeader: request.headers.get('Cookie'),
  })
  if (found.ok) throw redirect(`/meedoen/${found.session.joinCode}`)
  // Too many wrong codes from this network: the status and the wait say so to browsers and proxies too.
  if (found.status === 429) {
    return data(
      { code: raw, error: found.errors.joinCode },
      { status: 429, headers: { 'Retry-After': String(found.retryAfter), 'Cache-Control': 'no-store' } },
    )
  }
  return { code: raw, error: found.errors.joinCode }
}

export default function JoinCode() {
  const { code, error } = useLoaderData<typeof loader>()
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
            error={error ?? undefined}
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
