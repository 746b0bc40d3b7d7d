import { Link } from '@remix-run/react'
import { interventionPlaces, type InterventionStatus } from '../../../db/interventions'
import { TrafficLight } from '~/interventions/StatusBadge'
import { createInterventionSchema } from '~/interventions/validation'
import { SelectField } from './controls'
import { formatDate, label } from './labels'
import { useReply } from './reply'
import { Field } from '~/components/Field'
import { PostForm } from '~/components/PostForm'
import { useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'

export interface InterventionListItem {
  id: string
  title: string
  status: InterventionStatus
  wijkCodes: string[]
  updatedAt: string
  versionCount: number
  canEdit: boolean
}

/** `/interventies`: the interventions the reader may see, and (for facilitators) a new one. */
export function InterventionList({ items, canCreate }: { items: InterventionListItem[]; canCreate: boolean }) {
  const { t, locale } = useT()
  return (
    <>
      <h1>{t('intervention-pages.list.title')}</h1>
      <p className="lead">{t('intervention-pages.list.intro')}</p>
      {canCreate ? <NewInterventionForm /> : null}
      {items.length === 0 ? (
        <p>{t('intervention-pages.list.empty')}</p>
      ) : (
        <table className="sessions" data-testid="intervention-list">
          <caption className="skip-link">{t('intervention-pages.list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intervention-pages.list.col.title')}</th>
              <th scope="col">{t('intervention-pages.list.col.status')}</th>
              <th scope="col">{t('intervention-pages.list.col.wijken')}</th>
              <th scope="col">{t('intervention-pages.list.col.versions')}</th>
              <th scope="col">{t('intervention-pages.list.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/interventies/${item.id}`}>{item.title}</Link>
                  {item.canEdit ? null : <span className="meta">{t('intervention-pages.readOnly.short')}</span>}
                </td>
                <td>
                  <TrafficLight status={item.status} locale={locale} />
                </td>
                <td>{item.wijkCodes.join(', ')}</td>
                <td>{item.versionCount}</td>
                <td>{formatDate(item.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

function NewInterventionForm() {
  const { t, locale } = useT()
  const [form, fields] = useSchemaForm('new-intervention', createInterventionSchema, useReply('new-intervention'))
  return (
    <section className="card" aria-labelledby="new-intervention-title">
      <h2 id="new-intervention-title">{t('intervention-pages.new.title')}</h2>
      <PostForm form={form} submitLabel={t('intervention-pages.new.submit')}>
        <input type="hidden" name="intent" value="create" />
        <Field meta={fields.title} label={t('intervention-pages.field.title')} required maxLength={120} />
        <Field
          meta={fields.question}
          label={t('intervention-pages.field.question')}
          hint={t('intervention-pages.field.question.hint')}
          required
          maxLength={300}
        />
        {/* One wijk here; the API takes a list, so the field is the list's first item. */}
        <Field
          name={`${fields.wijkCodes.name}[0]`}
          id="new-intervention-wijk"
          error={Object.values(fields.wijkCodes.allErrors).flat()[0]}
          defaultValue={(fields.wijkCodes.initialValue as string[] | undefined)?.[0]}
          label={t('intervention-pages.field.wijkCode')}
          hint={t('intervention-pages.field.wijkCode.hint')}
          autoCapitalize="characters"
          required
          maxLength={8}
        />
        <SelectField
          meta={fields.place}
          label={t('intervention-pages.field.place')}
          empty={t('intervention-pages.field.place.none')}
          options={interventionPlaces.map((p) => [p, label.place(p, locale)])}
        />
      </PostForm>
    </section>
  )
}
