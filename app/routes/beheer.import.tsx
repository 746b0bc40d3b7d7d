import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireAdmin } from '~/auth/admin.server'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { t } from '~/i18n'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import stylesHref from '~/styles/wijken.css?url'
import { importUploads, MAX_UPLOAD_MB } from '~/wijken/import-view.server'
import { periodLabel } from '~/wijken/periods'
import { pageTitle } from '~/i18n/meta'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'wijken.import.title')

export async function loader({ request }: LoaderFunctionArgs) {
  // The figures are shared by every profile, so only an administrator changes them (issue 7).
  const user = await requireAdmin(db(), request)
  return { userName: user.name, maxMb: MAX_UPLOAD_MB }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(db(), request)
  const locale = await getLocale(request)
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_MB * 1024 * 1024 }),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { formError: t(locale, 'wijken.import.tooBig', { mb: MAX_UPLOAD_MB }), results: [] }
    throw error
  }
  const files = form.getAll('bestanden').filter((f): f is File => typeof f !== 'string' && f.size > 0)
  if (files.length === 0) return { formError: t(locale, 'wijken.import.noFiles'), results: [] }
  return { formError: null, results: await importUploads(db(), files, locale, user.id) }
}

export default function ImportPage() {
  const { userName, maxMb } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useT()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wk-page">
        <h1>{t('wijken.import.title')}</h1>
        <p className="lead">{t('wijken.import.lead')}</p>
        <section className="card">
          <Form method="post" encType="multipart/form-data">
            {data?.formError ? (
              <p className="form-error" role="alert">
                {data.formError}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="bestanden">{t('wijken.import.files', { mb: maxMb })}</label>
              <input
                id="bestanden"
                name="bestanden"
                type="file"
                multiple
                accept=".csv,.json,text/csv,application/json"
              />
            </div>
            <button
              type="submit"
              className="button"
              disabled={busy}
              aria-describedby={busy ? 'import-busy' : undefined}
            >
              {busy ? t('wijken.import.busy') : t('wijken.import.submit')}
            </button>
            {busy ? (
              <p id="import-busy" className="wk-busy" role="status">
                <span className="wk-spinner" aria-hidden="true" /> {t('wijken.import.busy')}
              </p>
            ) : null}
          </Form>
        </section>

        {data?.results.length ? (
          <section aria-labelledby="results-title" data-testid="import-results">
            <h2 id="results-title">{t('wijken.import.results')}</h2>
            {data.results.map((r, i) =>
              r.ok ? (
                <article key={i} className="card wk-import-ok" data-testid="import-ok">
                  <h3>
                    {r.report.file} — {t('wijken.import.ok')}
                  </h3>
                  <dl className="wk-dl">
                    <dt>{t('wijken.import.table')}</dt>
                    <dd>
                      {r.report.table} ({r.report.title})
                    </dd>
                    <dt>{t('wijken.import.periods')}</dt>
                    <dd>{r.report.periods.map(periodLabel).join(', ')}</dd>
                    <dt>{t('wijken.import.rows')}</dt>
                    <dd>{r.report.rows}</dd>
                    <dt>{t('wijken.import.regions')}</dt>
                    <dd>{r.report.regions}</dd>
                    <dt>{t('wijken.import.values')}</dt>
                    <dd>{r.report.values}</dd>
                    <dt>{t('wijken.import.unknownColumns')}</dt>
                    <dd>
                      {r.report.unknownColumns.length ? r.report.unknownColumns.join(', ') : t('wijken.import.none')}
                    </dd>
                    <dt>{t('wijken.import.warnings')}</dt>
                    <dd>
                      {r.report.warnings.length ? (
                        <ul className="wk-plain">
                          {r.report.warnings.map((w, n) => (
                            <li key={n}>{w}</li>
                          ))}
                        </ul>
                      ) : (
                        t('wijken.import.none')
                      )}
                    </dd>
                  </dl>
                </article>
              ) : (
                <article key={i} className="card wk-import-failed" data-testid="import-failed">
                  <h3>
                    {r.file} — {t('wijken.import.failed')}
                  </h3>
                  <p>{t(`wijken.import.kind.${r.kind}`)}</p>
                  <table className="wk-table">
                    <caption className="skip-link">{r.file}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('wijken.import.col.line')}</th>
                        <th scope="col">{t('wijken.import.col.column')}</th>
                        <th scope="col">{t('wijken.import.col.message')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.errors.map((e, n) => (
                        <tr key={n}>
                          <td data-label={t('wijken.import.col.line')}>{e.line ?? '–'}</td>
                          <td data-label={t('wijken.import.col.column')}>{e.column ?? '–'}</td>
                          <td data-label={t('wijken.import.col.message')}>{e.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </article>
              ),
            )}
          </section>
        ) : null}
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
