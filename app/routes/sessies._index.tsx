import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { isAdministrator } from '~/auth/admin.server'
import { requireUser } from '~/auth/session.server'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { PostForm } from '~/components/PostForm'
import { db } from '~/db.server'
import { parseForm, replyWithErrors, useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'
import { createSession } from '~/sessions/commands.server'
import { sessionSummaries } from '~/sessions/sessions.server'
import { createSessionSchema } from '~/sessions/validation'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sessions.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(db(), request)
  const sessions = sessionSummaries(db(), user.id)
  const deleted = new URL(request.url).searchParams.get('verwijderd')
  return { userName: user.name, sessions, deleted, isAdmin: isAdministrator(user) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(db(), request)
  const submission = parseForm(await request.formData(), createSessionSchema)
  if (submission.status !== 'success') return submission.reply()
  const result = createSession(db(), user, submission.value)
  if (!result.ok) return replyWithErrors(submission, result.errors)
  return redirect(`/sessies/${result.value.id}`)
}

export default function Sessions() {
  const { userName, sessions, deleted, isAdmin } = useLoaderData<typeof loader>()
  const [form, fields] = useSchemaForm('new-session', createSessionSchema, useActionData<typeof action>())
  const busy = useNavigation().state === 'submitting'
  const { t, locale } = useT()
  const dateFormat = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' })
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page">
        <h1>{t('sessions.title')}</h1>
        {isAdmin ? (
          <p>
            <Link to="/beheer/import">{t('sessions.importLink')}</Link>
          </p>
        ) : null}
        {deleted ? (
          <p className="notice" role="status">
            {t('session.deleted', { title: deleted })}
          </p>
        ) : null}
        <section className="card" aria-labelledby="new-title">
          <h2 id="new-title">{t('sessions.new')}</h2>
          <PostForm form={form} submitLabel={t('sessions.create')} busy={busy}>
            <Field meta={fields.title} label={t('field.title')} required maxLength={120} />
            <Field
              meta={fields.wijkCode}
              label={t('field.wijkCode')}
              hint={t('field.wijkCode.hint')}
              autoCapitalize="characters"
              maxLength={8}
            />
            <Field meta={fields.place} label={t('field.place')} hint={t('field.place.hint')} maxLength={120} />
          </PostForm>
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
                    {s.isOwner ? (
                      <Link
                        to={`/sessies/${s.id}/verwijderen`}
                        className="meta"
                        aria-label={`${t('session.delete')}: ${s.title}`}
                      >
                        {t('session.delete')}
                      </Link>
                    ) : (
                      <span className="meta">{t('settings.coFacilitator')}</span>
                    )}
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
