import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireAdmin } from '~/auth/admin.server'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { invariantResponse } from '~/http/invariant.server'
import { t, type Locale } from '~/i18n'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import stylesHref from '~/styles/wijken.css?url'
import { importUploads, MAX_UPLOAD_MB } from '~/wijken/import-view.server'
import { getImport, listImports, parseImportId } from '~/wijken/import/imports.server'
import { removeImportBesideRooms } from '~/wijken/import/run-import.server'
import { periodLabel } from '~/wijken/periods'
import { pageTitle } from '~/i18n/meta'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'wijken.import.title')

/** The page; `?verwijderen=<id>` asks to confirm removing that import. */
export async function loader({ request }: LoaderFunctionArgs) {
  // The figures are shared by every profile, so only an administrator changes them (issue 7).
  const user = await requireAdmin(db(), request)
  const search = new URL(request.url).searchParams
  let confirming: ReturnType<typeof getImport> = undefined
  if (search.has('verwijderen')) {
    const id = parseImportId(search.get('verwijderen'))
    confirming = id === null ? undefined : getImport(db(), id)
    invariantResponse(confirming, 'wijken.import.notFound', { status: 404 })
  }
  return { userName: user.name, maxMb: MAX_UPLOAD_MB, imports: listImports(db()), confirming: confirming ?? null }
}

/** What the action tells the page: an upload's results, or the import just removed. */
interface ActionResult {
  formError: string | null
  /** The own-table form's refusal before any file was read. */
  ownError?: string
  results: Awaited<ReturnType<typeof importUploads>>
  removed?: { table: string; period: string; file: string; values: number }
}

export async function action({ request }: ActionFunctionArgs): Promise<ActionResult> {
  const user = await requireAdmin(db(), request)
  const locale = await getLocale(request)
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) return removeFromForm(request)
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
  if (form.get('intent') === 'own') {
    // an organisation's own table (issue 11): who delivers it is required, name and period optional
    const field = (name: string) => String(form.get(name) ?? '').trim()
    const own = { organisation: field('organisatie'), title: field('tabel'), period: field('periode') }
    if (files.length === 0) return { ownError: t(locale, 'own.form.noFile'), formError: null, results: [] }
    if (!own.organisation) return { ownError: t(locale, 'own.form.noOrganisation'), formError: null, results: [] }
    return { formError: null, results: await importUploads(db(), files.slice(0, 1), locale, user.id, own) }
  }
  if (files.length === 0) return { formError: t(locale, 'wijken.import.noFiles'), results: [] }
  return { formError: null, results: await importUploads(db(), files, locale, user.id) }
}

/**
 * The confirmed remove (intent=remove, importId): in a worker, gone for every reader at once, its
 * values deleted in short transactions (ADR 013); then the page shows what went.
 */
async function removeFromForm(request: Request): Promise<ActionResult> {
  const form = await request.formData()
  invariantResponse(form.get('intent') === 'remove', 'wijken.import.notFound', { status: 400 })
  const id = parseImportId(form.get('importId'))
  const item = id === null ? undefined : getImport(db(), id)
  const removed = item ? await removeImportBesideRooms(db(), item.id) : null
  invariantResponse(item && removed, 'wijken.import.notFound', { status: 404 })
  return {
    formError: null,
    results: [],
    removed: { table: item.tableId, period: item.period, file: item.fileName, values: removed.values },
  }
}

/** Times in the reader's language, on the venue's clock (server and browser render the same). */
function useTimeFormat(locale: Locale) {
  const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  })
  return (iso: string) => format.format(new Date(iso))
}

export default function ImportPage() {
  const { userName, maxMb, imports, confirming } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t, locale } = useT()
  const time = useTimeFormat(locale)
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wk-page">
        <h1>{t('wijken.import.title')}</h1>
        <p className="lead">{t('wijken.import.lead')}</p>
        {data?.removed ? (
          <p className="notice" role="status">
            {t('wijken.import.removed', { ...data.removed, period: periodLabel(data.removed.period) })}
          </p>
        ) : null}
        {confirming ? (
          <section className="card" aria-labelledby="confirm-title">
            <h2 id="confirm-title">
              {t('wijken.import.confirm.title', {
                table: confirming.tableId,
                period: periodLabel(confirming.period),
                file: confirming.fileName,
              })}
            </h2>
            <p>{t('wijken.import.confirm.text', { values: confirming.valueCount })}</p>
            <Form method="post" action="/beheer/import" className="actions">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="importId" value={confirming.id} />
              <button type="submit" className="button danger" disabled={busy}>
                {t('wijken.import.confirm.yes')}
              </button>
              <Link to="/beheer/import" className="button secondary">
                {t('wijken.import.confirm.no')}
              </Link>
            </Form>
          </section>
        ) : null}
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

        <section className="card" aria-labelledby="own-title">
          <h2 id="own-title">{t('own.form.title')}</h2>
          <p>{t('own.form.lead')}</p>
          <p>
            <a href="/eigen-cijfers-sjabloon.csv" download>
              {t('own.form.template')}
            </a>
            {' · '}
            <Link to="/beheer/eigen-cijfers">{t('own.form.setup')}</Link>
          </p>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="own" />
            {data?.ownError ? (
              <p className="form-error" role="alert">
                {data.ownError}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="eigen-bestand">{t('own.form.file', { mb: maxMb })}</label>
              <input id="eigen-bestand" name="bestanden" type="file" accept=".csv,text/csv" />
            </div>
            <Field
              id="eigen-organisatie"
              name="organisatie"
              label={t('own.form.organisation')}
              hint={t('own.form.organisation.hint')}
              autoComplete="organization"
            />
            <Field id="eigen-tabel" name="tabel" label={t('own.form.tableName')} hint={t('own.form.tableName.hint')} />
            <Field id="eigen-periode" name="periode" label={t('own.form.period')} hint={t('own.form.period.hint')} />
            <button type="submit" className="button" disabled={busy}>
              {t('own.form.submit')}
            </button>
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

        <section aria-labelledby="imports-title">
          <h2 id="imports-title">{t('wijken.import.list.title')}</h2>
          <p>{t('wijken.import.list.lead')}</p>
          {imports.length === 0 ? (
            <p>{t('wijken.import.list.empty')}</p>
          ) : (
            <table className="sessions" data-testid="imports">
              <caption className="skip-link">{t('wijken.import.list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('wijken.import.table')}</th>
                  <th scope="col">{t('wijken.import.list.period')}</th>
                  <th scope="col">{t('wijken.import.list.file')}</th>
                  <th scope="col">{t('wijken.import.rows')}</th>
                  <th scope="col">{t('wijken.import.values')}</th>
                  <th scope="col">{t('wijken.import.list.by')}</th>
                  <th scope="col">{t('wijken.import.list.when')}</th>
                  <th scope="col">{t('wijken.import.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((item) => (
                  <tr key={item.id} aria-current={item.id === confirming?.id ? 'true' : undefined}>
                    <td title={item.title ?? undefined}>{item.tableId}</td>
                    <td>{periodLabel(item.period)}</td>
                    <td>{item.fileName}</td>
                    <td>{item.rowCount}</td>
                    <td>{item.valueCount}</td>
                    <td>{item.importedBy ?? t('wijken.import.list.noOne')}</td>
                    <td>
                      <time dateTime={item.importedAt}>{time(item.importedAt)}</time>
                    </td>
                    <td>
                      <Link
                        to={`?verwijderen=${item.id}`}
                        aria-label={t('wijken.import.remove.label', {
                          table: item.tableId,
                          period: periodLabel(item.period),
                          file: item.fileName,
                        })}
                      >
                        {t('wijken.import.remove')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
