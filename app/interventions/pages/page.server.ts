/**
 * What every intervention page's loader needs: the intervention as its view model for this reader
 * (or the 401/403/404 the error page shows), and the one-off "done" message an action left.
 */
import { requireInterventionAccess } from '~/interventions/access.server'
import { interventionView } from '~/interventions/interventions.server'
import { db } from '~/db.server'

export async function requireInterventionPage(request: Request, id: string | undefined) {
  const { viewer, intervention, access } = await requireInterventionAccess(db(), request, id)
  const view = interventionView(db(), intervention, access === 'edit')
  return { viewer, view, isOwner: !!viewer.user && intervention.ownerId === viewer.user.id }
}

/** Only this page's own messages: the address must not put any text someone likes on the page. */
export function doneMessage(request: Request): string | null {
  return (
    new URL(request.url).searchParams.get('klaar')?.match(/^intervention-pages\.done\.[\w]+(\?[\w%.=&+-]*)?$/)?.[0] ??
    null
  )
}
