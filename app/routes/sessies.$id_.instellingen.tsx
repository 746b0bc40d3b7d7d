import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { PostForm } from '~/components/PostForm'
import { db } from '~/db.server'
import { parseForm, replyWithErrors, useSchemaForm } from '~/forms'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { facilitatorIdentity } from '~/sessions/access.server'
import {
  inviteCoFacilitator,
  isSessionOwner,
  listCoFacilitators,
  removeCoFacilitator,
} from '~/sessions/facilitators.server'
import { requireOwnSession } from '~/sessions/own-session.server'
import {
  peopleOverview,
  removeParticipant,
  updateSessionDetails,
  wijkOptions,
} from '~/sessions/session-settings.server'
import { closeSession, recordEvent, reopenSession, sessionRoomIds } from '~/sessions/session-state.server'
import { getUserById } from '~/auth/users.server'
import { inviteSchema, sessionSettingsSchema } from '~/sessions/validation'
import { invariantResponse } from '~/http/invariant.server'
import { mainRoomId } from '~/rooms/rooms.server'
import { setMediaAllowed } from '~/photos/media.server'
import { message } from '~/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'settings.title')

/** A werksessie's lifecycle: its details, open or closed, who takes part, and its facilitators. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, session } = await requireOwnSession(db(), request, params.id)
  const owner = getUserById(db(), session.facilitatorId)
  // Only this page's own messages: the address must not put any text someone likes on the page.
  const done = new URL(request.url).searchParams.get('klaar')?.match(/^settings\.[\w.]+(\?.*)?$/)?.[0] ?? null
  return {
    userName: user.name,
    isOwner: isSessionOwner(user, session),
    owner: { id: session.facilitatorId, name: owner?.name ?? '' },
    session: {
      id: session.id,
      title: session.title,
      wijkCode: session.wijkCode,
      place: session.place,
      joinCode: session.joinCode,
      closed: !!session.closedAt,
      mediaAllowed: session.mediaAllowed,
    },
    wijken: wijkOptions(db()),
    people: peopleOverview(db(), context.collab, session),
    coFacilitators: listCoFacilitators(db(), session.id).map(({ id, name, email }) => ({ id, name, email })),
    done,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, session } = await requireOwnSession(db(), request, params.id)
  const by = facilitatorIdentity(user, mainRoomId(db(), session.id)).subject
  const form = await request.formData()
  const intent = form.get('intent')
  const back = (done: string) => redirect(`/sessies/${session.id}/instellingen?klaar=${encodeURIComponent(done)}`)
  switch (intent) {
    case 'details': {
      const submission = parseForm(form, sessionSettingsSchema)
      if (submission.status !== 'success') return { intent, result: submission.reply() }
      const result = updateSessionDetails(db(), session, submission.value, by)
      if (!result.ok) return { intent, result: replyWithErrors(submission, result.errors) }
      return back(message('settings.saved'))
    }
    case 'close':
      closeSession(db(), context.collab, session, by)
      return back('settings.state.closed')
    case 'reopen':
      reopenSession(db(), context.collab, session, by)
      return back(message('settings.state.open', { code: session.joinCode }))
    case 'media': {
      const allowed = form.get('allowed') === 'on'
      setMediaAllowed(db(), session, { allowed }, by)
      return back(allowed ? 'settings.media.saved.on' : 'settings.media.saved.off')
    }
    case 'remove': {
      const removed = removeParticipant(db(), context.collab, session, form.get('participantId'), by)
      invariantResponse(removed.ok, 'settings.error.participantUnknown', { status: 404 })
      return back(message('settings.removed', { name: removed.value.label }))
    }
    case 'invite': {
      const submission = parseForm(form, inviteSchema)
      if (submission.status !== 'success') return { intent, result: submission.reply() }
      const invited = inviteCoFacilitator(db(), user, session, submission.value)
      if (!invited.ok) return { intent, result: replyWithErrors(submission, invited.errors) }
      recordEvent(db(), session.id, 'facilitator-invited', { userId: invited.value.id }, by)
      return back(message('settings.invited', { name: invited.value.name }))
    }
    case 'uninvite': {
      invariantResponse(isSessionOwner(user, session), 'settings.error.ownerOnly', { status: 403 })
      const userId = String(form.get('userId') ?? '')
      const name = getUserById(db(), userId)?.name ?? ''
      invariantResponse(removeCoFacilitator(db(), session.id, userId), 'settings.error.coFacilitatorUnknown', {
        status: 404,
      })
      recordEvent(db(), session.id, 'facilitator-removed', { userId }, by)
      // Their open canvases close: they no longer run this session.
      for (const roomId of sessionRoomIds(db(), session)) {
        context.collab.closeSubject(roomId, `u:${userId}`, 4403, 'Geen begeleider meer van deze werksessie')
      }
      return back(message('settings.uninvited', { name }))
    }
    default:
      invariantResponse(false, 'error.api.invalid', { status: 400 })
  }
}

export default function SessionSettings() {
  const { userName, isOwner, owner, session, wijken, people, coFacilitators, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, tx } = useT()
  const [detailsForm, details] = useSchemaForm(
    'details',
    sessionSettingsSchema,
    actionData?.intent === 'details' ? actionData.result : undefined,
  )
  const [inviteForm, invite] = useSchemaForm(
    'invite',
    inviteSchema,
    actionData?.intent === 'invite' ? actionData.result : undefined,
  )
  const wijkError = tx(details.wijkCode.errors?.[0])
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page">
        <p>
          <Link to={`/sessies/${session.id}`}>{t('settings.back')}</Link> ·{' '}
          <Link to={`/sessies/${session.id}/samenvatting`}>{t('summary.link')}</Link>
        </p>
        <h1>{t('settings.title')}</h1>
        {done ? (
          <p className="notice" role="status">
            {tx(done)}
          </p>
        ) : null}

        <section className="card settings-section" aria-labelledby="details-title">
          <h2 id="details-title">{t('settings.details')}</h2>
          <PostForm form={detailsForm} submitLabel={t('settings.save')}>
            <input type="hidden" name="intent" value="details" />
            <Field
              meta={details.title}
              label={t('field.title')}
              required
              maxLength={120}
              defaultValue={session.title}
            />
            <div className="field">
              <label htmlFor="settings-wijk">{t('settings.wijk')}</label>
              <span className="hint" id="settings-wijk-hint">
                {t('settings.wijk.hint')}
              </span>
              <select
                id="settings-wijk"
                name={details.wijkCode.name}
                defaultValue={session.wijkCode ?? ''}
                aria-describedby={`settings-wijk-hint${wijkError ? ' settings-wijk-error' : ''}`}
                aria-invalid={wijkError ? true : undefined}
              >
                <option value="">{t('settings.wijk.none')}</option>
                {wijken.map((group) => (
                  <optgroup key={group.gemeente.code} label={group.gemeente.name}>
                    {group.wijken.map((wijk) => (
                      <option key={wijk.code} value={wijk.code}>
                        {wijk.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              {wijkError ? (
                <span className="error" id="settings-wijk-error">
                  {wijkError}
                </span>
              ) : null}
            </div>
            <Field
              meta={details.place}
              label={t('field.place')}
              hint={t('field.place.hint')}
              maxLength={120}
              defaultValue={session.place ?? ''}
            />
          </PostForm>
        </section>

        <section className="card settings-section" aria-labelledby="state-title">
          <h2 id="state-title">{t('settings.state')}</h2>
          <p data-testid="settings-state">
            {session.closed ? t('settings.state.closed') : t('settings.state.open', { code: session.joinCode })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value={session.closed ? 'reopen' : 'close'} />
            <button type="submit" className={session.closed ? 'button' : 'button danger'}>
              {session.closed ? t('settings.reopen') : t('settings.close')}
            </button>
          </Form>
        </section>

        <section className="card settings-section" aria-labelledby="media-title">
          <h2 id="media-title">{t('photos.settings.title')}</h2>
          <p data-testid="settings-media">
            {session.mediaAllowed ? t('photos.settings.on') : t('photos.settings.off')}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="media" />
            <div className="field settings-check">
              <label htmlFor="settings-media-allowed">
                <input
                  id="settings-media-allowed"
                  type="checkbox"
                  name="allowed"
                  defaultChecked={session.mediaAllowed}
                  aria-describedby="settings-media-hint"
                />
                {t('photos.settings.allow')}
              </label>
              <span className="hint" id="settings-media-hint">
                {t('photos.settings.hint')}
              </span>
            </div>
            <button type="submit" className="button">
              {t('photos.settings.save')}
            </button>
          </Form>
        </section>

        <section className="card settings-section" aria-labelledby="people-title">
          <h2 id="people-title">{t('settings.people')}</h2>
          {people.participants.length === 0 ? (
            <p>{t('settings.noParticipants')}</p>
          ) : (
            <>
              <ul className="per-role">
                {people.perRole.map((r) => (
                  <li key={r.role}>
                    {t('settings.perRole', { role: t(`role.${r.role}`), connected: r.connected, joined: r.joined })}
                  </li>
                ))}
              </ul>
              <p className="hint">{t('settings.connectedHint')}</p>
              <table className="sessions">
                <caption className="skip-link">{t('settings.table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('settings.col.who')}</th>
                    <th scope="col">{t('settings.col.role')}</th>
                    <th scope="col">{t('settings.col.status')}</th>
                    <th scope="col">{t('settings.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {people.participants.map((p) => (
                    <tr key={p.id} data-testid="participant-row">
                      <td>{p.label}</td>
                      <td>{t(`role.${p.role}`)}</td>
                      <td data-testid="participant-connected">
                        {p.removed
                          ? t('settings.status.removed')
                          : p.connected
                            ? t('settings.status.connected')
                            : t('settings.status.away')}
                      </td>
                      <td>
                        {p.removed ? null : (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="participantId" value={p.id} />
                            <button
                              type="submit"
                              className="link-button"
                              aria-label={t('settings.removeLabel', { name: p.label })}
                            >
                              {t('settings.remove')}
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>

        <section className="card settings-section" aria-labelledby="facilitators-title">
          <h2 id="facilitators-title">{t('settings.facilitators')}</h2>
          <ul>
            <li>
              {owner.name} ({t('settings.owner')})
            </li>
            {coFacilitators.map((c) => (
              <li key={c.id}>
                {c.name} ({t('settings.coFacilitator')}, {c.email})
                {isOwner ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="uninvite" />
                    <input type="hidden" name="userId" value={c.id} />{' '}
                    <button
                      type="submit"
                      className="link-button"
                      aria-label={t('settings.uninviteLabel', { name: c.name })}
                    >
                      {t('settings.uninvite')}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {isOwner ? (
            <>
              <h3>{t('settings.invite')}</h3>
              <PostForm form={inviteForm} submitLabel={t('settings.invite.submit')}>
                <input type="hidden" name="intent" value="invite" />
                <Field
                  meta={invite.email}
                  type="email"
                  label={t('settings.invite.email')}
                  hint={t('settings.invite.hint')}
                  autoComplete="off"
                  required
                />
              </PostForm>
            </>
          ) : (
            <p>{t('settings.ownerOnly', { name: owner.name })}</p>
          )}
        </section>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
