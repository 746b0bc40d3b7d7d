import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { parseForm, replyWithErrors } from '~/forms'
import { message } from '~/i18n'
import { pageTitle } from '~/i18n/meta'
import { requireUser } from '~/auth/session.server'
import { interventionViewer } from '~/interventions/access.server'
import { createIntervention, listInterventions } from '~/interventions/interventions.server'
import { InterventionList } from '~/interventions/pages/InterventionList'
import { createInterventionSchema } from '~/interventions/validation'
import { invariantResponse } from '~/http/invariant.server'
import stylesHref from '~/styles/interventions.css?url'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'intervention-pages.list.title')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]

/** The interventions the reader may see: the team's own, and those of werksessies they take part in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await interventionViewer(db(), request)
  if (!viewer.user && viewer.participantSessionIds.length === 0) await requireUser(db(), request)
  return { userName: viewer.user?.name ?? null, items: listInterventions(db(), viewer), canCreate: !!viewer.user }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(db(), request)
  const form = await request.formData()
  invariantResponse(form.get('intent') === 'create', 'error.api.invalid')
  const submission = parseForm(form, createInterventionSchema)
  if (submission.status !== 'success') return { formId: 'new-intervention', result: submission.reply() }
  const result = await createIntervention(db(), context.collab, user, submission.value)
  if (!result.ok) return { formId: 'new-intervention', result: replyWithErrors(submission, result.errors) }
  return redirect(
    `/interventies/${result.value.id}?klaar=${encodeURIComponent(message('intervention-pages.done.created'))}`,
  )
}

export default function Interventions() {
  const { userName, items, canCreate } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page">
        <InterventionList items={items} canCreate={canCreate} />
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
