import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { invariantResponse } from '~/http/invariant.server'
import { isSessionOwner } from '~/sessions/facilitators.server'
import { requireOwnSession } from '~/sessions/own-session.server'
import { countParticipants, deleteWorkshopSession } from '~/sessions/sessions.server'
import { pageTitle } from '~/i18n/meta'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'session.delete.title')

/** Only the owner deletes a werksessie; co-facilitators run it but do not end it for good. */
async function requireSessionOwner(request: Request, id: string | undefined) {
  const own = await requireOwnSession(db(), request, id)
  invariantResponse(isSessionOwner(own.user, own.session), 'settings.error.ownerOnlyDelete', { status: 403 })
  return own
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, session } = await requireSessionOwner(request, params.id)
  return { userName: user.name, title: session.title, participantCount: countParticipants(db(), session.id) }
}

/** Deletes the werksessie, its participants and its canvas, and disconnects whoever is in it. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session } = await requireSessionOwner(request, params.id)
  // Stored rows first, so no new connection is let in; then the live room, in the same tick.
  deleteWorkshopSession(db(), context.collab, session)
  return redirect(`/sessies?verwijderd=${encodeURIComponent(session.title)}`)
}

export default function DeleteSession() {
  const { userName, title, participantCount } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page narrow">
        <h1>{t('session.delete.title')}</h1>
        <p>{t('session.delete.text', { title, count: participantCount })}</p>
        <Form method="post" className="actions">
          <button type="submit" className="button danger">
            {t('session.delete.confirm')}
          </button>
          <Link to="/sessies" className="button secondary">
            {t('session.delete.cancel')}
          </Link>
        </Form>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
