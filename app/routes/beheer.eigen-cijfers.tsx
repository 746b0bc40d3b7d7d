import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireAdmin } from '~/auth/admin.server'
import { Field } from '~/components/Field'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import type { MessageKey } from '~/i18n'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import stylesHref from '~/styles/wijken.css?url'
import { invariantResponse } from '~/http/invariant.server'
import { DEFAULT_MIN_BASE } from '~/wijken/privacy'
import { listOwnIndicators, updateOwnIndicator, type OwnIndicatorWithTable } from '~/wijken/own/own-store.server'
import { ownIndicatorSettingsSchema } from '~/wijken/own/settings'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'own.page.title')

/** Own indicators by table, for the administrator to name, explain and set up for the cocktail. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAdmin(db(), request)
  const tables = new Map<
    string,
    { id: string; title: string; organisation: string; indicators: OwnIndicatorWithTable[] }
  >()
  for (const i of listOwnIndicators(db())) {
    const table = tables.get(i.tableId) ?? { ...i.table, indicators: [] }
    table.indicators.push(i)
    tables.set(i.tableId, table)
  }
  return { userName: user.name, tables: [...tables.values()] }
}

type ActionResult =
  | { code: string; saved: string; errors?: never }
  | { code: string; errors: Partial<Record<string, MessageKey>>; saved?: never }

/** One indicator's settings; a blank field counts as not given. */
export async function action({ request }: ActionFunctionArgs): Promise<ActionResult> {
  await requireAdmin(db(), request)
  const form = await request.formData()
  const fields = Object.fromEntries(
    [...form.entries()].flatMap(([k, v]) => (typeof v === 'string' && v.trim() !== '' ? [[k, v]] : [])),
  )
  const code = String(form.get('code') ?? '')
  const parsed = ownIndicatorSettingsSchema.safeParse(fields)
  if (!parsed.success) {
    const errors: Partial<Record<string, MessageKey>> = {}
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message as MessageKey
    return { code, errors }
  }
  const own = listOwnIndicators(db())
  const current = own.find((i) => i.code === parsed.data.code)
  invariantResponse(current, 'own.notFound', { status: 404 })
  const { settings } = parsed.data
  if (settings.baseColumn && !own.some((i) => i.tableId === current.tableId && i.column === settings.baseColumn))
    return { code, errors: { baseColumn: 'own.v.base' } }
  updateOwnIndicator(db(), current.code, settings)
  return { code, saved: settings.label }
}

export default function OwnFiguresPage() {
  const { userName, tables } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useT()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wk-page">
        <nav aria-label={t('wijken.nav.breadcrumb')} className="wk-crumbs">
          <Link to="/beheer/import">{t('own.page.back')}</Link>
        </nav>
        <h1>{t('own.page.title')}</h1>
        <p className="lead">{t('own.page.lead')}</p>
        {result?.saved ? (
          <p className="notice" role="status">
            {t('own.saved', { label: result.saved })}
          </p>
        ) : null}
        {tables.length === 0 ? <p>{t('own.page.empty')}</p> : null}
        {tables.map((table) => (
          <section key={table.id} aria-labelledby={`t-${table.id}`}>
            <h2 id={`t-${table.id}`}>
              {t('own.page.table', { title: table.title, organisation: table.organisation })}
            </h2>
            <p className="hint">{t('own.page.tableId', { id: table.id })}</p>
            {table.indicators.map((i) => (
              <IndicatorForm
                key={i.code}
                indicator={i}
                columns={table.indicators.filter((c) => c.code !== i.code)}
                errors={result?.code === i.code ? result.errors : undefined}
                busy={busy}
              />
            ))}
          </section>
        ))}
      </main>
    </>
  )
}

function IndicatorForm({
  indicator: i,
  columns,
  errors,
  busy,
}: {
  indicator: OwnIndicatorWithTable
  columns: OwnIndicatorWithTable[]
  errors?: Partial<Record<string, MessageKey>>
  busy: boolean
}) {
  const { t } = useT()
  const id = (name: string) => `${i.code}-${name}`.replace(/[^\w-]/g, '-')
  const errorOf = (name: string) => errors?.[name]
  const select = (name: string, label: string, value: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={id(name)}>{label}</label>
      <select
        id={id(name)}
        name={name}
        defaultValue={value}
        aria-invalid={errorOf(name) ? true : undefined}
        aria-describedby={errorOf(name) ? `${id(name)}-error` : undefined}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {errorOf(name) ? (
        <span className="error" id={`${id(name)}-error`}>
          {t(errorOf(name)!)}
        </span>
      ) : null}
    </div>
  )
  return (
    <Form method="post" className="card wk-own-indicator" aria-labelledby={id('title')} data-testid="own-indicator">
      <h3 id={id('title')}>{i.label}</h3>
      <p className="hint">{t('own.page.column', { column: i.sourceColumn })}</p>
      <input type="hidden" name="code" value={i.code} />
      <Field
        id={id('label')}
        name="label"
        label={t('own.field.label')}
        defaultValue={i.label}
        error={errorOf('label')}
      />
      <Field
        id={id('labelEn')}
        name="labelEn"
        label={t('own.field.labelEn')}
        hint={t('own.field.labelEn.hint')}
        lang="en"
        defaultValue={i.labelEn ?? ''}
        error={errorOf('labelEn')}
      />
      <Field
        id={id('unit')}
        name="unit"
        label={t('own.field.unit')}
        hint={t('own.field.unit.hint')}
        defaultValue={i.unit}
        error={errorOf('unit')}
      />
      <div className="field">
        <label htmlFor={id('definition')}>{t('own.field.definition')}</label>
        <textarea id={id('definition')} name="definition" defaultValue={i.definition} rows={2} />
      </div>
      {select('kind', t('own.field.kind'), i.kind, [
        ['count', t('own.kind.count', { min: DEFAULT_MIN_BASE })],
        ['rate', t('own.kind.rate')],
      ])}
      {select('baseColumn', t('own.field.base'), i.baseColumn ?? '', [
        ['', t('own.base.none')],
        ...columns.filter((c) => c.kind === 'count').map((c): [string, string] => [c.column, c.label]),
      ])}
      {select('direction', t('own.field.direction'), i.riskDirection ?? 'none', [
        ['none', t('own.direction.none')],
        ['higher', t('own.direction.higher')],
        ['lower', t('own.direction.lower')],
      ])}
      <div className="field">
        <label>
          <input
            type="checkbox"
            name="inCocktail"
            defaultChecked={i.inCocktail}
            aria-invalid={errorOf('inCocktail') ? true : undefined}
            aria-describedby={errorOf('inCocktail') ? `${id('inCocktail')}-error` : undefined}
          />{' '}
          {t('own.field.inCocktail')}
        </label>
        {errorOf('inCocktail') ? (
          <span className="error" id={`${id('inCocktail')}-error`}>
            {t(errorOf('inCocktail')!)}
          </span>
        ) : null}
      </div>
      <Field
        id={id('threshold')}
        name="threshold"
        inputMode="decimal"
        label={t('own.field.threshold')}
        hint={t('own.field.threshold.hint')}
        defaultValue={i.threshold === null ? '' : String(i.threshold).replace('.', ',')}
        error={errorOf('threshold')}
      />
      {select(
        'decimals',
        t('own.field.decimals'),
        String(i.decimals),
        ['0', '1', '2', '3'].map((d): [string, string] => [d, d]),
      )}
      <button type="submit" className="button" disabled={busy}>
        {t('own.save')}
      </button>
    </Form>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
