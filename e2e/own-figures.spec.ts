import { spawn } from 'node:child_process'
import path from 'node:path'
import { createFacilitatorWithCli, type AppProcess } from './support/app-process'
import { expect, expectAccessible, facilitatorAccount, logIn, test, startAppForThisFile } from './support/fixtures'

const app = startAppForThisFile()
const ownFile = (file: string) => path.resolve('app/wijken/own/test-files', file)
const TABLE = 'eigen-woningcorporatie-zayaz-woonmonitor'
const ARREARS = `${TABLE}.huurders-met-een-huurachterstand`

/** `npm run cli -- import:table …` against the app's database, as an administrator would run it. */
async function cli(target: AppProcess, ...args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, DATABASE_PATH: target.databasePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, out }
}

test.describe('own figures ("eigen cijfers") — with axe', () => {
  test('an administrator reaches the import page from the header, imports an own table and sets it up', async ({
    page,
  }) => {
    await createFacilitatorWithCli(app, facilitatorAccount)
    await logIn(page, app)
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cijfers inlezen' }).click()
    await expect(page).toHaveURL(/\/beheer\/import$/)
    await expect(page.getByRole('heading', { level: 2, name: 'Eigen cijfers inlezen' })).toBeVisible()
    await expectAccessible(page)

    // the template for organisations
    const template = await page.request.get(`${app.url}/eigen-cijfers-sjabloon.csv`)
    expect(template.headers()['content-type']).toContain('text/csv')
    expect(await template.text()).toContain('"Regiocode";"Naam gebied";"Periode"')

    // a housing association's table
    const own = page.getByRole('region', { name: 'Eigen cijfers inlezen' })
    await own.getByLabel(/^Bestand/).setInputFiles(ownFile('woonmonitor-2024.csv'))
    await own.getByLabel('Van welke organisatie zijn de cijfers?').fill('Woningcorporatie Zayaz')
    await own.getByLabel(/^Naam van de tabel/).fill('Woonmonitor')
    await own.getByRole('button', { name: 'Eigen cijfers toevoegen' }).click()
    const ok = page.getByTestId('import-ok')
    await expect(ok).toContainText('woonmonitor-2024.csv — Ingelezen')
    await expect(ok).toContainText(`${TABLE} (Woonmonitor)`)
    await expect(ok).toContainText('1 gebied(en) overgeslagen omdat CBS die code niet kent (bijv. WK079699).')
    const listed = page.getByTestId('imports').getByRole('row', { name: new RegExp(TABLE) })
    await expect(listed).toContainText('woonmonitor-2024.csv')
    await expect(listed).toContainText('Fatima de Vries')
    await expect(listed.locator('td').nth(3)).toHaveText('5') // rows
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('eigen-cijfers-ingelezen.png'), fullPage: true })

    // regions by name only: refused as ambiguous, never called data about people
    await own.getByLabel(/^Bestand/).setInputFiles(ownFile('alleen-namen.csv'))
    await own.getByLabel('Van welke organisatie zijn de cijfers?').fill('Politie')
    await own.getByRole('button', { name: 'Eigen cijfers toevoegen' }).click()
    const failed = page.getByTestId('import-failed')
    await expect(failed).toContainText('De gebieden staan er alleen met een naam in (kolom Wijk)')
    await expect(failed).not.toContainText('personen')

    // set the figure up for the cocktail
    await page.getByRole('link', { name: /Eigen cijfers instellen/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Eigen cijfers instellen' })).toBeVisible()
    const form = page.getByRole('form', { name: 'Huurders met een huurachterstand', exact: true })
    await form.getByLabel('Wanneer is het ongunstig?').selectOption('higher')
    await form.getByLabel('Telt mee in de risicococktail').check()
    await form.getByLabel(/^Drempel/).fill('5')
    await form.getByLabel(/^Uitleg/).fill('Huishoudens met een huurachterstand van twee maanden of meer.')
    await form.getByLabel(/^Naam in het Engels/).fill('Tenants in rent arrears')
    await expectAccessible(page)
    await form.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByRole('status')).toHaveText('"Huurders met een huurachterstand" is opgeslagen.')
    await expect(form.getByLabel(/^Naam in het Engels/)).toHaveValue('Tenants in rent arrears')
    await page.screenshot({ path: test.info().outputPath('eigen-cijfers-instellen.png'), fullPage: true })

    // a later import of the same table keeps what the administrator set, the English name too
    await page.getByRole('link', { name: 'Terug naar cijfers inlezen' }).click()
    await own.getByLabel(/^Bestand/).setInputFiles(ownFile('woonmonitor-2024.csv'))
    await own.getByLabel('Van welke organisatie zijn de cijfers?').fill('Woningcorporatie Zayaz')
    await own.getByLabel(/^Naam van de tabel/).fill('Woonmonitor')
    await own.getByRole('button', { name: 'Eigen cijfers toevoegen' }).click()
    await expect(page.getByTestId('import-ok')).toContainText('woonmonitor-2024.csv — Ingelezen')
    await page.getByRole('link', { name: /Eigen cijfers instellen/ }).click()
    await expect(form.getByLabel(/^Naam in het Engels/)).toHaveValue('Tenants in rent arrears')
    await expect(form.getByLabel(/^Drempel/)).toHaveValue('5')

    // a background figure cannot count in the cocktail
    const count = page.getByRole('form', { name: 'Huurwoningen met achterstallig onderhoud', exact: true })
    await count.getByLabel('Telt mee in de risicococktail').check()
    await count.getByRole('button', { name: 'Opslaan' }).click()
    await expect(count.locator('.error')).toContainText('Kies wanneer het cijfer ongunstig is')
    // a count of homes, named so
    await count.getByLabel('Telt mee in de risicococktail').uncheck()
    await count.getByLabel(/^Eenheid/).fill('woningen')
    await count.getByRole('button', { name: 'Opslaan' }).click()
    await expect(page.getByRole('status')).toHaveText('"Huurwoningen met achterstallig onderhoud" is opgeslagen.')

    // on the wijk page, with its unit and source, and as a risk by its threshold
    await page.goto(`${app.url}/wijken/WK079609`)
    const row = page.locator(`tr[data-indicator="${ARREARS}"]`)
    await expect(row).toContainText('Huurders met een huurachterstand')
    await expect(row.getByTestId('wijk-value')).toContainText('6,8%')
    await expect(row).toHaveClass(/is-risk/)
    const note = page.locator(`li[id="bron-${ARREARS}"]`)
    await expect(note).toContainText('Bron: Woningcorporatie Zayaz, Woonmonitor')
    await expect(note).toContainText('kolom Huurders met een huurachterstand (%)')
    await expect(note).toContainText('periode 2024')
    // in English, by the administrator's English name
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect(row).toContainText('Tenants in rent arrears')
    await expect(row).not.toContainText('Huurders met een huurachterstand')
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click()
    await expect(row).toContainText('Huurders met een huurachterstand')
    // a count below 10 is not shown
    await page.goto(`${app.url}/wijken/WK079612`)
    await expect(
      page.locator(`tr[data-indicator="${TABLE}.huurwoningen-met-achterstallig-onderhoud"]`).getByTestId('wijk-value'),
    ).toContainText('te klein om te tonen')
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('eigen-cijfers-wijk.png'), fullPage: true })

    // explained on /indicatoren after the CBS figures: source, period, definition, direction, cocktail
    await page.goto(`${app.url}/indicatoren`)
    await page.getByRole('link', { name: 'Eigen cijfers van organisaties' }).click()
    const ownSection = page.getByRole('region', { name: 'Eigen cijfers van organisaties', exact: true })
    await expect(ownSection).toBeVisible()
    const entry = ownSection.getByRole('region', { name: /^Huurders met een huurachterstand/ })
    const term = (section: typeof entry, name: string) => section.locator(`dt:text-is("${name}") + dd`)
    await expect(entry.getByRole('heading', { level: 3 })).toContainText('telt mee')
    await expect(term(entry, 'Organisatie en tabel')).toHaveText('Woningcorporatie Zayaz, Woonmonitor')
    await expect(term(entry, 'Kolom in het bestand')).toHaveText('Huurders met een huurachterstand (%)')
    await expect(term(entry, 'Eenheid')).toHaveText('%')
    await expect(term(entry, 'Periode')).toHaveText('2024')
    await expect(term(entry, 'Wat is het?')).toHaveText('Huishoudens met een huurachterstand van twee maanden of meer.')
    await expect(term(entry, 'Ongunstig als')).toHaveText('hoger')
    await expect(term(entry, 'Risicococktail')).toHaveText('Telt mee. Risico als de wijk boven 5,0% ligt.')
    await expect(term(entry, 'Kleine aantallen')).toHaveText(
      'We tonen het cijfer alleen als de basis (kolom Huurwoningen (basis)) minstens 10 is.',
    )
    const homes = ownSection.getByRole('region', { name: 'Huurwoningen met achterstallig onderhoud', exact: true })
    await expect(term(homes, 'Eenheid')).toHaveText('woningen')
    await expect(term(homes, 'Ongunstig als')).toHaveText('geen (achtergrondcijfer)')
    await expect(term(homes, 'Risicococktail')).toHaveText('Telt niet mee.')
    await expect(term(homes, 'Kleine aantallen')).toHaveText('Een aantal onder 10 tonen we niet.')
    await expectAccessible(page)
    await ownSection.screenshot({ path: test.info().outputPath('indicatoren-eigen-cijfers.png') })
    // in English, by its English name
    await page.getByRole('button', { name: 'Switch to English' }).click()
    const english = page
      .getByRole('region', { name: 'Own figures of organisations', exact: true })
      .getByRole('region', { name: /^Tenants in rent arrears/ })
    await expect(term(english, 'Risk cocktail')).toHaveText('Counts. A risk when the district is above 5.0%.')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Alle cijfers en hun bron' })).toBeVisible()

    // as a card on the canvas of a werksessie: the organisation and table, not CBS, and its unit
    await page.setViewportSize({ width: 1280, height: 1000 })
    await page.goto(`${app.url}/sessies`)
    await page.getByLabel('Titel').fill('Wonen in Noord')
    await page.getByLabel('Wijkcode (mag leeg)').fill('WK079609')
    await page.getByRole('button', { name: 'Werksessie aanmaken' }).click()
    await expect(page.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')
    await page.getByRole('button', { name: 'Wijkprofiel' }).click()
    const panel = page.getByRole('region', { name: 'Wijkprofiel Noord' })
    // the panel's footer credits CBS for its figures, and the organisation for its own
    await expect(panel.locator('.wijk-panel__source')).toHaveText(
      'Bron: CBS, CC BY 4.0 · Eigen cijfers: Woningcorporatie Zayaz, Woonmonitor',
    )
    for (const label of ['Huurders met een huurachterstand', 'Huurwoningen met achterstallig onderhoud']) {
      await panel.getByRole('button', { name: `Plaats op canvas: ${label}`, exact: true }).click()
      await expect(panel.getByRole('status')).toHaveText(`${label} staat op het canvas.`)
    }
    const card = (code: string) => page.locator(`.tl-shape [data-card="indicator"][data-indicator="${code}"]`)
    const arrears = card(ARREARS)
    await expect(arrears.getByTestId('card-value')).toHaveText('6,8%')
    await expect(arrears.getByTestId('card-gemeente')).toHaveText('4,1%')
    await expect(arrears).toContainText(
      'Bron: Woningcorporatie Zayaz, Woonmonitor: Huurders met een huurachterstand (%), 2024',
    )
    await expect(arrears).not.toContainText('CBS')
    // a risk by the administrator's threshold, said as such (Nederland has no figure of it)
    await expect(arrears.locator('.wk-card__risk')).toHaveText('▲ Risico: boven de drempel van 5,0%')
    const maintenance = card(`${TABLE}.huurwoningen-met-achterstallig-onderhoud`)
    await expect(maintenance.getByTestId('card-value')).toHaveText('410')
    await expect(maintenance.locator('.wk-card__unit')).toHaveText('woningen')
    await expect(maintenance).toContainText('Bron: Woningcorporatie Zayaz, Woonmonitor')
    await expect(maintenance).not.toContainText('CBS')
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('eigen-cijfers-kaart.png') })
  })

  test('import:table on the command line; the API lists the figures with source table, column and period', async ({
    request,
    page,
  }) => {
    const refused = await cli(app, 'import:table', ownFile('personen.csv'), '--source', 'Welzijn')
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('gegevens over personen')

    const done = await cli(app, 'import:table', ownFile('jeugdmonitor-2023.csv'), '--source', 'GGD Hart voor Brabant')
    expect(done.code, done.out).toBe(0)
    expect(done.out).toContain('tabel eigen-ggd-hart-voor-brabant-jeugdmonitor-2023')

    const response = await request.get(`${app.url}/api/v1/wijken/WK079601`)
    expect(response.status()).toBe(200)
    const body = (await response.json()) as { indicators: Array<Record<string, unknown>> }
    const lonely = body.indicators.find((i) => String(i.code).endsWith('.jongeren-die-zich-vaak-eenzaam-voelen'))
    expect(lonely).toMatchObject({
      label: { nl: 'Jongeren die zich vaak eenzaam voelen' },
      unit: '%',
      value: 12.5,
      period: '2023JJ00',
      source: {
        table: 'eigen-ggd-hart-voor-brabant-jeugdmonitor-2023',
        column: 'Jongeren die zich vaak eenzaam voelen (%)',
      },
      own: { organisation: 'GGD Hart voor Brabant' },
      riskDirection: null,
      inCocktail: false,
    })

    // the same table for two periods (files without a period column): both stay, with a trend
    for (const [file, period] of [
      ['buurtmonitor-2023.csv', '2023'],
      ['buurtmonitor-2024.csv', '2024'],
    ] as const) {
      const imported = await cli(
        app,
        'import:table',
        ownFile(file),
        '--source',
        "Gemeente 's-Hertogenbosch",
        '--title',
        'Buurtmonitor',
        '--period',
        period,
      )
      expect(imported.code, imported.out).toBe(0)
    }
    const nuisance = 'eigen-gemeente-s-hertogenbosch-buurtmonitor.meldingen-van-overlast'
    const engelen = (await (await request.get(`${app.url}/api/v1/wijken/WK079612`)).json()) as {
      indicators: Array<Record<string, unknown>>
    }
    // 6 reports in 2024 are too few to show: 2023's figure, with why 2024's is not shown
    expect(engelen.indicators.find((i) => i.code === nuisance)).toMatchObject({
      value: 12,
      period: '2023JJ00',
      newer: { period: '2024JJ00', reason: 'too-small' },
      trend: [
        { period: '2023JJ00', value: 12, gemeenteValue: 3000 },
        { period: '2024JJ00', value: null, reason: 'too-small', gemeenteValue: 2900 },
      ],
    })
    // and the wijk page: the figure with its own period, the newer one's reason, the trend
    await page.goto(`${app.url}/wijken/WK079612`)
    const row = page.locator(`tr[data-indicator="${nuisance}"]`)
    await expect(row.getByTestId('wijk-value')).toContainText('12')
    await expect(row).toContainText('2023')
    await expect(row.getByTestId('newer')).toHaveText('Nieuwer (2024): te klein om te tonen.')
    const trend = page
      .getByTestId('trend')
      .filter({ has: page.getByRole('heading', { name: 'Meldingen van overlast' }) })
    await expect(trend.getByRole('row', { name: /^Deze wijk/ })).toHaveText(/^Deze wijk\s*12\s*te klein om te tonen$/)
    await expectAccessible(page)
    await trend.screenshot({ path: test.info().outputPath('eigen-cijfers-trend.png') })
  })
})
