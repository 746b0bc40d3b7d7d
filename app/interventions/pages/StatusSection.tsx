import { TrafficLight } from '~/interventions/StatusBadge'
import { allowedNextStatuses } from '~/interventions/target-status'
import type { InterventionView } from '~/interventions/types'
import { statusChangeSchema } from '~/interventions/validation'
import { SelectField, TextAreaField } from './controls'
import { formatMoment, label } from './labels'
import { useReply } from './reply'
import { PostForm } from '~/components/PostForm'
import { useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'

/** The status as a traffic light, the form to change it (with a reason) and every change so far. */
export function StatusSection({ view }: { view: InterventionView }) {
  const { t, locale } = useT()
  return (
    <section className="iv-section" aria-labelledby="iv-status">
      <h2 id="iv-status">{t('intervention-pages.status.title')}</h2>
      <p className="iv-status-now" data-testid="iv-status">
        <TrafficLight status={view.status} locale={locale} />
      </p>
      {view.canEdit && allowedNextStatuses(view.status).length > 0 ? <StatusForm current={view.status} /> : null}
      <h3>{t('intervention-pages.status.history')}</h3>
      {view.statusHistory.length === 0 ? (
        <p>{t('intervention-pages.status.noHistory')}</p>
      ) : (
        <ol className="iv-history" data-testid="iv-status-history">
          {[...view.statusHistory].reverse().map((change, i) => (
            <li key={i}>
              <strong>
                {change.from
                  ? t('intervention-pages.status.change', {
                      from: label.status(change.from, locale),
                      to: label.status(change.to, locale),
                    })
                  : t('intervention-pages.status.start', { to: label.status(change.to, locale) })}
              </strong>{' '}
              <span className="meta">
                {formatMoment(change.at, locale)}
                {change.by ? ` · ${change.by}` : ''}
              </span>
              <p className="iv-reason">{change.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function StatusForm({ current }: { current: InterventionView['status'] }) {
  const { t, locale } = useT()
  const [form, fields] = useSchemaForm('status', statusChangeSchema, useReply('status'))
  return (
    <PostForm form={form} submitLabel={t('intervention-pages.status.submit')} className="iv-form">
      <input type="hidden" name="intent" value="status" />
      <SelectField
        meta={fields.status}
        label={t('intervention-pages.status.new')}
        options={allowedNextStatuses(current).map((s) => [s, label.status(s, locale)])}
        required
      />
      <TextAreaField
        meta={fields.reason}
        label={t('intervention-pages.status.reason')}
        hint={t('intervention-pages.status.reason.hint')}
        required
        maxLength={1000}
      />
    </PostForm>
  )
}
