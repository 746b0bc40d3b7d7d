import type { CommentView } from '~/interventions/types'
import { commentSchema } from '~/interventions/validation'
import { TextAreaField } from './controls'
import { formatMoment } from './labels'
import { useReply } from './reply'
import { PostForm } from '~/components/PostForm'
import { useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'

/** Comments on one version or one measurement, and (for the team) a form to add one. */
export function CommentThread({
  comments,
  on,
  canEdit,
  title,
}: {
  comments: CommentView[]
  on: { versionNumber: number } | { measurementId: string }
  canEdit: boolean
  /** what the comments are about, for the field's label ("Reactie op v2") */
  title: string
}) {
  const { t, locale } = useT()
  const formId = 'versionNumber' in on ? `comment-v${on.versionNumber}` : `comment-m${on.measurementId}`
  return (
    <div className="iv-comments">
      {comments.length > 0 ? (
        <ul className="iv-comment-list">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="iv-reason">{c.text}</p>
              <span className="meta">
                {c.by ?? t('intervention-pages.someone')} · {formatMoment(c.createdAt, locale)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? <CommentForm formId={formId} on={on} title={title} /> : null}
    </div>
  )
}

function CommentForm({
  formId,
  on,
  title,
}: {
  formId: string
  on: { versionNumber: number } | { measurementId: string }
  title: string
}) {
  const { t } = useT()
  const reply = useReply(formId)
  const [form, fields] = useSchemaForm(formId, commentSchema, reply)
  return (
    <details className="iv-disclosure" open={reply ? true : undefined}>
      <summary>{t('intervention-pages.comment.add')}</summary>
      <PostForm form={form} submitLabel={t('intervention-pages.comment.submit')} className="iv-inline-form">
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="formId" value={formId} />
        {'versionNumber' in on ? (
          <input type="hidden" name="versionNumber" value={on.versionNumber} />
        ) : (
          <input type="hidden" name="measurementId" value={on.measurementId} />
        )}
        <TextAreaField meta={fields.text} label={title} required maxLength={2000} />
      </PostForm>
    </details>
  )
}
