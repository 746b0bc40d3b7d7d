import type { InterventionView } from '~/interventions/types'
import { memberSchema } from '~/interventions/validation'
import { label } from './labels'
import { useReply } from './reply'
import { Field } from '~/components/Field'
import { PostForm } from '~/components/PostForm'
import { useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'
import { indicatorByCode } from '~/wijken/indicators'
import { DetailsForm } from './DetailsForm'

/** Who and what: the question, target group, place, wijken, risk factors, reference, owner and team. */
export function InterventionHeader({
  view,
  isOwner,
  factors = [],
}: {
  view: InterventionView
  isOwner: boolean
  /** the cocktail's factors a team can choose as risk factors */
  factors?: { code: string; label: { nl: string; en: string } }[]
}) {
  const { t, locale } = useT()
  const rows: [string, string][] = [
    [t('intervention-pages.header.question'), view.question],
    [t('intervention-pages.header.targetGroup'), view.targetGroup ?? t('intervention-pages.none')],
    [t('intervention-pages.header.place'), view.place ? label.place(view.place, locale) : t('intervention-pages.none')],
    [t('intervention-pages.header.wijken'), view.wijkCodes.join(', ') || t('intervention-pages.none')],
    [
      t('intervention-pages.header.riskFactors'),
      view.riskFactors.length
        ? view.riskFactors.map((code) => indicatorByCode.get(code)?.label[locale] ?? code).join(', ')
        : t('intervention-pages.none'),
    ],
  ]
  return (
    <section className="iv-section" aria-labelledby="iv-about">
      <h2 id="iv-about">{t('intervention-pages.header.about')}</h2>
      <dl className="iv-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('intervention-pages.header.reference')}</dt>
          <dd data-testid="iv-reference">
            {view.reference ? (
              <>
                {view.reference.url ? (
                  <a href={view.reference.url} rel="noreferrer">
                    {view.reference.name}
                  </a>
                ) : (
                  view.reference.name
                )}
                {view.reference.level ? (
                  <>
                    {' · '}
                    {t('intervention-pages.header.nji', { level: label.level(view.reference.level, locale) })}
                  </>
                ) : null}
              </>
            ) : (
              t('intervention-pages.header.noReference')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('intervention-pages.header.team')}</dt>
          <dd data-testid="iv-team">
            {t('intervention-pages.header.owner', { name: view.owner.name })}
            {view.team.map((m) => (
              <span key={m.id}>, {m.name}</span>
            ))}
          </dd>
        </div>
      </dl>
      {view.canEdit ? (
        <DetailsForm
          key={view.updatedAt}
          view={view}
          factors={factors.map((f) => ({ code: f.code, label: f.label[locale] }))}
        />
      ) : null}
      {isOwner ? <AddMemberForm key={view.team.length} /> : null}
    </section>
  )
}

function AddMemberForm() {
  const { t } = useT()
  const reply = useReply('member')
  const [form, fields] = useSchemaForm('member', memberSchema, reply)
  return (
    <details className="iv-disclosure" open={reply ? true : undefined}>
      <summary>{t('intervention-pages.member.title')}</summary>
      <PostForm form={form} submitLabel={t('intervention-pages.member.submit')} className="iv-inline-form">
        <input type="hidden" name="intent" value="member" />
        <Field
          meta={fields.email}
          type="email"
          label={t('intervention-pages.member.email')}
          hint={t('intervention-pages.member.hint')}
          autoComplete="off"
          required
        />
      </PostForm>
    </details>
  )
}
