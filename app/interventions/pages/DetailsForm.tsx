import { interventionPlaces, recognitionLevels } from '../../../db/interventions'
import { SelectField, TextAreaField, TextField } from './controls'
import { label } from './labels'
import { useReply } from './reply'
import { PostForm } from '~/components/PostForm'
import { useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'
import type { InterventionView } from '~/interventions/types'
import { updateInterventionSchema } from '~/interventions/validation'

/**
 * The team changes what the intervention is: its name and question, for whom and where, the risk
 * factors of the wijk profile it addresses, and the recognised intervention it builds on (NJi
 * Databank). The risk factors are the cocktail's factors; `factors` carries their labels.
 */
export function DetailsForm({ view, factors }: { view: InterventionView; factors: { code: string; label: string }[] }) {
  const { t, locale } = useT()
  const reply = useReply('details')
  const [form, fields] = useSchemaForm('details', updateInterventionSchema, reply)
  const reference = fields.reference.getFieldset()
  // The stored values until a refused post brings back what was typed.
  const initial = <T,>(value: T) => (reply ? {} : { defaultValue: value ?? '' })
  return (
    <details className="iv-disclosure" open={reply ? true : undefined}>
      <summary>{t('intervention-pages.details.title')}</summary>
      <PostForm form={form} submitLabel={t('intervention-pages.details.submit')} className="iv-form">
        <input type="hidden" name="intent" value="details" />
        <TextField meta={fields.title} label={t('intervention-pages.field.title')} {...initial(view.title)} />
        <TextAreaField
          meta={fields.question}
          label={t('intervention-pages.field.question')}
          hint={t('intervention-pages.field.question.hint')}
          {...initial(view.question)}
        />
        <TextField
          meta={fields.targetGroup}
          label={t('intervention-pages.details.targetGroup')}
          hint={t('intervention-pages.details.targetGroup.hint')}
          {...initial(view.targetGroup)}
        />
        <SelectField
          meta={fields.place}
          label={t('intervention-pages.field.place')}
          empty={t('intervention-pages.field.place.none')}
          options={interventionPlaces.map((p) => [p, label.place(p, locale)])}
          {...initial(view.place)}
        />
        <fieldset className="field iv-choice">
          <legend>{t('intervention-pages.header.riskFactors')}</legend>
          <span className="hint">{t('intervention-pages.details.riskFactors.hint')}</span>
          {factors.map((f) => (
            <label key={f.code}>
              <input
                type="checkbox"
                name="riskFactors"
                value={f.code}
                defaultChecked={view.riskFactors.includes(f.code)}
              />{' '}
              {f.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="field iv-choice">
          <legend>{t('intervention-pages.header.reference')}</legend>
          <span className="hint">{t('intervention-pages.details.reference.hint')}</span>
          <TextField
            meta={reference.name}
            label={t('intervention-pages.details.reference.name')}
            {...initial(view.reference?.name)}
          />
          <TextField
            meta={reference.url}
            label={t('intervention-pages.details.reference.url')}
            {...initial(view.reference?.url)}
          />
          <SelectField
            meta={reference.level}
            label={t('intervention-pages.details.reference.level')}
            empty={t('intervention-pages.details.reference.noLevel')}
            options={recognitionLevels.map((l) => [l, label.level(l, locale)])}
            {...initial(view.reference?.level)}
          />
        </fieldset>
      </PostForm>
    </details>
  )
}
