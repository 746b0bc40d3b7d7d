import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireUser } from '~/auth/session.server'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { createSession } from '~/sessions/commands.server'
import { sessionSummaries } from '~/sessions/sessions.server'
import { formToObject } from '~/validation'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sessions.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(db(), request)
  const sessions = sessionSummaries(db(), user.id)
  const deleted = new URL(request.url).searchParams.get('verwijderd')
  return { userName: user.name, sessions, deleted }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(db(), request)
  const result = createSession(db(), user, formToObject(await request.formData()))
  if (!result.ok) return { errors: result.errors }
  return redirect(`/sessies/${result.value.id}`)
}

export default function Sessions() {
  const { userName, sessions, deleted } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const errors: Record<string, string | undefined> = data?.errors ?? {}
  const busy = useNavigation().state === 'submitting'
  const { t, locale } = useT()
  const dateFormat = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' })
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page">
        <h1>{t('sessions.title')}</h1>
        {deleted ? (
          <p className="notice" role="status">
            {t('session.deleted', { title: deleted })}
          </p>
        ) : null}
        <section className="card" aria-labelledby="new-title">
          <h2 id="new-title">{t('sessions.new')}</h2>
          <Form method="post" noValidate>
            <Field name="title" label={t('field.title')} required maxLength={120} error={errors.title} />
            <Field
              name="wijkCode"
              label={t('field.wijkCode')}
              hint={t('field.wijkCode.hint')}
              autoCapitalize="characters"
              maxLength={8}
              error={errors.wijkCode}
            />
            <Field
              name="place"
              label={t('field.place')}
              hint={t('field.place.hint')}
              maxLength={120}
              error={errors.place}
            />
            <button type="submit" className="button" disabled={busy}>
              {t('sessions.create')}
            </button>
          </Form>
        </section>
        {sessions.length === 0 ? (
          <p>{t('sessions.empty')}</p>
        ) : (
          <table className="sessions">
            <caption className="skip-link">{t('sessions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sessions.col.title')}</th>
                <th scope="col">{t('sessions.col.code')}</th>
                <th scope="col">{t('sessions.col.participants')}</th>
                <th scope="col">{t('sessions.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/sessies/${s.id}`}>{s.title}</Link>
                    {s.wijkCode || s.place ? (
                      <span className="meta">
                        {[s.wijkCode ? t('sessions.wijk', { code: s.wijkCode }) : null, s.place]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <span className="code">{s.joinCode}</span>
                  </td>
                  <td>{s.participantCount}</td>
                  <td>
                    {dateFormat.format(new Date(s.createdAt))}
                    <Link
                      to={`/sessies/${s.id}/verwijderen`}
                      className="meta"
                      aria-label={`${t('session.delete')}: ${s.title}`}
                    >
                      {t('session.delete')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
