import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { loadSessionPage } from '~/sessions/page.server'
import { SessionCanvas } from '~/sessions/SessionCanvas'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.session.title ?? 'Werksessie'} · Wijkatelier` },
]

export async function loader(args: LoaderFunctionArgs) {
  return loadSessionPage(db(), args)
}

export default function SessionPage() {
  const { session, invite, user, licenseKey } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <div className="session-shell">
      <header className="session-bar">
        <h1>{session.title}</h1>
        {invite ? (
          <>
            <span>
              {t('session.code')}: <span className="code" data-testid="join-code">{invite.joinCode}</span>
            </span>
            <CopyLink url={invite.joinUrl} />
            <Link to={`/sessies/${session.id}/scherm`} target="_blank" rel="noopener">
              {t('session.projector')}
            </Link>
          </>
        ) : (
          <span>{t('session.you', { name: user.name })}</span>
        )}
        <span className="spacer" />
        {invite ? <Link to="/sessies">{t('session.back')}</Link> : null}
      </header>
      <main id="inhoud" className="session-canvas">
        <SessionCanvas roomId={session.roomId} user={user} readOnly={false} licenseKey={licenseKey} />
      </main>
    </div>
  )
}

function CopyLink({ url }: { url: string }) {
  const { t } = useT()
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        void navigator.clipboard?.writeText(url).then(() => setCopied(true))
      }}
      title={url}
    >
      {copied ? t('session.copied') : t('session.copy')}
    </button>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
