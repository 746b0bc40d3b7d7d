import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { lazy, Suspense, useEffect, useState } from 'react'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { getEnv } from '~/env.server'
import { invariantResponse } from '~/http/invariant.server'
import type { Locale } from '~/i18n'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getMoment, listMoments, parseMomentId, restoreMoment } from '~/sessions/history.server'
import { mainRoomId } from '~/rooms/rooms.server'
import { requireOwnSession } from '~/sessions/own-session.server'

const MomentCanvas = lazy(() => import('~/canvas/MomentCanvas.client').then((m) => ({ default: m.MomentCanvas })))

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'history.title')

/** The canvas's kept moments; `?moment=` shows one, `&terugzetten=1` asks to confirm its restore. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, session } = await requireOwnSession(db(), request, params.id)
  const search = new URL(request.url).searchParams
  const moments = listMoments(context.collab, mainRoomId(db(), session.id))
  let selected: ReturnType<typeof getMoment> = undefined
  if (search.has('moment')) {
    const id = parseMomentId(search.get('moment'))
    selected = id === null ? undefined : getMoment(context.collab, mainRoomId(db(), session.id), id)
    invariantResponse(selected, 'history.error.notFound', { status: 404 })
  }
  const restoredId = parseMomentId(search.get('teruggezet'))
  return {
    userName: user.name,
    session: { id: session.id, title: session.title },
    moments,
    selected: selected ?? null,
    confirming: !!selected && search.get('terugzetten') === '1',
    restored: moments.find((moment) => moment.id === restoredId) ?? null,
    licenseKey: getEnv().TLDRAW_LICENSE_KEY ?? null,
  }
}

/** Restores a moment (as a new change everyone receives), then shows the list again. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session } = await requireOwnSession(db(), request, params.id)
  const id = parseMomentId((await request.formData()).get('moment'))
  const restored = id === null ? undefined : await restoreMoment(context.collab, mainRoomId(db(), session.id), id)
  invariantResponse(restored, 'history.error.notFound', { status: 404 })
  return redirect(`/sessies/${session.id}/geschiedenis?teruggezet=${id}`)
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

export default function SessionHistory() {
  const { userName, session, moments, selected, confirming, restored, licenseKey } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const time = useTimeFormat(locale)
  const busy = useNavigation().state === 'submitting'
  const base = `/sessies/${session.id}/geschiedenis`
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page">
        <h1>{t('history.title')}</h1>
        <p className="meta">{session.title}</p>
        <p>
          <Link to={`/sessies/${session.id}`}>{t('history.back')}</Link>
        </p>
        <p>{t('history.intro')}</p>
        {restored ? (
          <p className="notice" role="status">
            {t('history.restored', { time: time(restored.takenAt) })}
          </p>
        ) : null}
        {selected && confirming ? (
          <section className="card" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{t('history.confirm.title', { time: time(selected.takenAt) })}</h2>
            <p>{t('history.confirm.text', { time: time(selected.takenAt) })}</p>
            <Form method="post" className="actions">
              <input type="hidden" name="moment" value={selected.id} />
              <button type="submit" className="button danger" disabled={busy}>
                {t('history.confirm.yes')}
              </button>
              <Link to={`${base}?moment=${selected.id}`} className="button secondary">
                {t('history.confirm.no')}
              </Link>
            </Form>
          </section>
        ) : null}
        {selected ? (
          <section aria-labelledby="preview-title">
            <h2 id="preview-title">{t('history.preview.title', { time: time(selected.takenAt) })}</h2>
            <p>
              {t(selected.shapeCount === 1 ? 'history.preview.shapes.one' : 'history.preview.shapes.other', {
                count: selected.shapeCount,
              })}
            </p>
            {confirming ? null : (
              <p>
                <Link to={`${base}?moment=${selected.id}&terugzetten=1`} className="button">
                  {t('history.restore')}
                </Link>
              </p>
            )}
            <MomentPreview
              key={selected.id}
              records={selected.records}
              schema={selected.schema}
              locale={locale}
              licenseKey={licenseKey}
            />
          </section>
        ) : null}
        {moments.length === 0 ? (
          <p>{t('history.empty')}</p>
        ) : (
          <table className="sessions" data-testid="history">
            <caption className="skip-link">{t('history.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.col.time')}</th>
                <th scope="col">{t('history.col.reason')}</th>
                <th scope="col">{t('history.col.shapes')}</th>
                <th scope="col">{t('history.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {moments.map((moment) => (
                <tr key={moment.id} aria-current={moment.id === selected?.id ? 'true' : undefined}>
                  <td>
                    <time dateTime={moment.takenAt}>{time(moment.takenAt)}</time>
                  </td>
                  <td>{t(`history.reason.${moment.reason}`)}</td>
                  <td>{moment.shapeCount}</td>
                  <td>
                    <Link
                      to={`${base}?moment=${moment.id}`}
                      aria-label={t('history.viewLabel', { time: time(moment.takenAt) })}
                    >
                      {t('history.view')}
                    </Link>{' '}
                    <Link
                      to={`${base}?moment=${moment.id}&terugzetten=1`}
                      className="meta"
                      aria-label={t('history.restoreLabel', { time: time(moment.takenAt) })}
                    >
                      {t('history.restore')}
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

/** The read-only canvas of a moment, in the browser only (tldraw needs the DOM). */
function MomentPreview(props: { records: unknown[]; schema: unknown; locale: Locale; licenseKey: string | null }) {
  const { t } = useT()
  const [mounted, setMounted] = useState(false)
  useEffect(() => setMounted(true), [])
  const placeholder = <div className="canvas-placeholder">{t('history.preview.loading')}</div>
  const fallback = <p>{t('history.preview.failed')}</p>
  return (
    <div className="moment-preview" style={{ height: '60vh', position: 'relative', border: '1px solid #ccc' }}>
      {mounted ? (
        <Suspense fallback={placeholder}>
          <MomentCanvas
            records={props.records}
            schema={props.schema}
            locale={props.locale}
            licenseKey={props.licenseKey ?? undefined}
            fallback={fallback}
          />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
