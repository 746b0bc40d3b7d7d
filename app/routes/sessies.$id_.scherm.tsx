import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { db } from '~/db.server'
import { invariantResponse } from '~/http/invariant.server'
import { loadSessionPage } from '~/sessions/page.server'
import { SessionCanvas } from '~/sessions/SessionCanvas'
import { t } from '~/i18n'
import { dataTitle, metaLocale } from '~/i18n/meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(data?.session.title, t(metaLocale(matches), 'session.projector'))

/** The projector view: the same canvas, read-only, with the code large enough to read from the back. */
export async function loader(args: LoaderFunctionArgs) {
  const page = await loadSessionPage(db(), args, { withWijkPanel: false })
  invariantResponse(page.isFacilitator, 'error.session.projectorFacilitatorOnly', { status: 403 })
  return page
}

export default function ProjectorPage() {
  const { session, invite, user, licenseKey } = useLoaderData<typeof loader>()
  return (
    <div className="session-shell">
      <header className="session-bar">
        <h1>{session.title}</h1>
        <span className="spacer" />
        {invite ? (
          <span>
            {invite.joinUrl.replace(/^https?:\/\//, '')} · <span className="code">{invite.joinCode}</span>
          </span>
        ) : null}
      </header>
      <main id="inhoud" className="session-canvas">
        <SessionCanvas roomId={session.roomId} user={user} readOnly licenseKey={licenseKey} />
      </main>
    </div>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
