import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/session.server'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { parseForm, replyWithErrors } from '~/forms'
import { invariantResponse } from '~/http/invariant.server'
import { message, type MessageVars } from '~/i18n'
import { dataTitle } from '~/i18n/meta'
import { linkedSessionIds } from '~/interventions/access.server'
import { addComment, addMember, changeStatus, updateIntervention } from '~/interventions/interventions.server'
import { InterventionPage } from '~/interventions/pages/InterventionPage'
import { doneMessage, requireInterventionPage } from '~/interventions/pages/page.server'
import type { FormReply } from '~/interventions/pages/reply'
import { withChosenBaseline } from '~/interventions/pages/target-form'
import {
  addMeasurement,
  addTarget,
  baselinePeriods,
  judgeTarget,
  offeredMeasurements,
} from '~/interventions/targets.server'
import {
  commentSchema,
  judgementSchema,
  measurementSchema,
  memberSchema,
  restoreSchema,
  statusChangeSchema,
  targetInputSchema,
  updateInterventionSchema,
} from '~/interventions/validation'
import { parseVersionNumber, restoreVersion } from '~/interventions/versions.server'
import { getUserById } from '~/auth/users.server'
import { sessionSummaries } from '~/sessions/sessions.server'
import { indicatorCatalogue } from '~/wijken/indicators'
import stylesHref from '~/styles/interventions.css?url'

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.view.title)
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]

/** One intervention: what it is, how it stands, its targets, measurements and versions. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, view, isOwner } = await requireInterventionPage(request, params.id)
  const linked = new Set(linkedSessionIds(db(), view.id))
  // Werksessies a version can go back into: the reader's own, the linked ones first.
  const sessions = viewer.user
    ? sessionSummaries(db(), viewer.user.id)
        .filter((s) => !s.closed)
        .sort((a, b) => Number(linked.has(b.id)) - Number(linked.has(a.id)))
        .map((s) => ({ id: s.id, title: s.title }))
    : []
  const canvas = new URL(request.url).searchParams.get('canvas')
  return {
    userName: viewer.user?.name ?? null,
    view,
    isOwner,
    offered: view.canEdit ? offeredMeasurements(db(), view) : [],
    baselinePeriods: view.canEdit ? baselinePeriods(db(), view.wijkCodes) : [],
    factors: view.canEdit
      ? indicatorCatalogue
          .filter((def) => def.inCocktail && def.riskDirection !== null)
          .map((def) => ({ code: def.code, label: def.label }))
      : [],
    sessions,
    done: doneMessage(request),
    canvas: canvas && sessions.some((s) => s.id === canvas) ? canvas : null,
  }
}

/** Each form names its `intent`; the command does the work, the reply carries its messages per field. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(db(), request)
  const id = params.id ?? ''
  const posted = await request.formData()
  const form = posted.get('intent') === 'target' ? withChosenBaseline(posted) : posted
  const intent = String(form.get('intent') ?? '')
  const formId = String(form.get('formId') ?? intent)
  const done = (key: Parameters<typeof message>[0], vars?: MessageVars, extra = '') =>
    redirect(`/interventies/${id}?klaar=${encodeURIComponent(message(key, vars))}${extra}`)
  const run = <T,>(
    schema: Parameters<typeof parseForm>[1],
    command: (value: unknown) => Promise<{ ok: true; value: T } | { ok: false; errors: Record<string, string> }>,
    success: (value: T) => Response,
  ) => {
    const submission = parseForm(form, schema)
    if (submission.status !== 'success') return Promise.resolve<FormReply>({ formId, result: submission.reply() })
    return command(submission.value).then((result) =>
      result.ok ? success(result.value) : ({ formId, result: replyWithErrors(submission, result.errors) } as FormReply),
    )
  }
  switch (intent) {
    case 'status':
      return run(
        statusChangeSchema,
        async (v) => changeStatus(db(), user, id, v),
        () => done('intervention-pages.done.status'),
      )
    case 'details': {
      // The form always shows every factor: none ticked is none. An empty reference name clears it.
      const noReference = !String(form.get('reference.name') ?? '').trim()
      if (noReference) for (const key of [...form.keys()]) if (key.startsWith('reference.')) form.delete(key)
      return run(
        updateInterventionSchema,
        async (v) =>
          updateIntervention(db(), user, id, {
            ...(v as Record<string, unknown>),
            riskFactors: (v as { riskFactors?: string[] }).riskFactors ?? [],
            ...(noReference ? { reference: null } : {}),
          }),
        () => done('intervention-pages.done.details'),
      )
    }
    case 'member':
      return run(
        memberSchema,
        async (v) => addMember(db(), user, id, v),
        (v) => done('intervention-pages.done.member', { name: getUserById(db(), v.userId)?.name ?? '' }),
      )
    case 'target':
      return run(
        targetInputSchema,
        async (v) => addTarget(db(), user, id, v),
        () => done('intervention-pages.done.target'),
      )
    case 'judgement':
      return run(
        judgementSchema,
        async (v) => judgeTarget(db(), user, id, String(form.get('targetId') ?? ''), v),
        () => done('intervention-pages.done.judgement'),
      )
    case 'measurement':
      return run(
        measurementSchema,
        async (v) => addMeasurement(db(), user, id, v),
        () => done('intervention-pages.done.measurement'),
      )
    case 'comment':
      return run(
        commentSchema,
        async (v) => addComment(db(), user, id, v),
        () => done('intervention-pages.done.comment'),
      )
    case 'restore': {
      const number = parseVersionNumber(form.get('number')) ?? 0
      return run(
        restoreSchema,
        (v) => restoreVersion(db(), context.collab, user, id, number, v),
        () => {
          const sessionId = String(form.get('sessionId'))
          const title = sessionSummaries(db(), user.id).find((s) => s.id === sessionId)?.title ?? ''
          return done(
            'intervention-pages.done.restored',
            { n: number, title },
            `&canvas=${encodeURIComponent(sessionId)}`,
          )
        },
      )
    }
    default:
      invariantResponse(false, 'error.api.invalid', { status: 400 })
  }
}

export default function Intervention() {
  const { userName, view, isOwner, offered, sessions, done, canvas, baselinePeriods, factors } =
    useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wide iv-page">
        <InterventionPage
          view={view}
          isOwner={isOwner}
          offered={offered}
          sessions={sessions}
          done={done}
          canvas={canvas}
          baselinePeriods={baselinePeriods}
          factors={factors}
        />
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
