import path from 'node:path'
import { createFacilitatorWithCli } from './support/app-process'
import {
  expect,
  expectAccessible,
  facilitatorAccount,
  logIn,
  phone,
  test,
  startAppForThisFile,
} from './support/fixtures'

const app = startAppForThisFile()
const bundled = (file: string) => path.resolve('db/data/cbs', file)

test.describe('wijk data pages — with axe', () => {
  test("a wijk profile of 's-Hertogenbosch: figures, sources, cocktail, hidden figures", async ({ page }) => {
    const response = await page.goto(`${app.url}/wijken/WK079601`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1, name: 'Binnenstad' })).toBeVisible()
    await expect(page.getByText("Wijk in 's-Hertogenbosch · CBS-code WK079601")).toBeVisible()

    // A real value (KWB 2024: 13 895 inhabitants), with its footnote pointing at table, column and period.
    const inhabitants = page.locator('tr[data-indicator="inwoners"]')
    await expect(inhabitants.getByTestId('wijk-value')).toContainText('13.895')
    await expect(inhabitants).toContainText('160.757') // the gemeente
    const ref = inhabitants.getByRole('link', { name: 'bron 1' })
    await expect(ref).toHaveAttribute('href', '#bron-inwoners')
    const footnote = page.locator('#bron-inwoners')
    await expect(footnote).toContainText('85984NED')
    await expect(footnote).toContainText('kolom AantalInwoners_5')
    await expect(footnote).toContainText('periode 2024')
    await expect(page.locator('#bron-jeugdzorg')).toContainText('85990NED')
    await expect(page.locator('#bron-jeugdzorg')).toContainText('1e halfjaar 2024')

    // A ratio with its period and the difference with the gemeente.
    const single = page.locator('tr[data-indicator="eenouder-jeugdzorg"]')
    await expect(single).toContainText('36,8%')
    await expect(single).toContainText('+9,1 procentpunt')
    await expect(single).toContainText('1e halfjaar 2024')

    // Figures CBS did not publish show the reason, never 0.
    const income = page.locator('tr[data-indicator="inkomen-per-inwoner"]')
    await expect(income.getByTestId('wijk-value')).toContainText('niet gepubliceerd door CBS')
    await expect(income.getByTestId('wijk-value')).not.toContainText('0')
    await expect(page.locator('tr[data-indicator="bijstand"]').getByTestId('wijk-value')).toContainText(
      'geen gegevens voor dit gebied',
    )

    // Gemeente-level figures are labelled as such.
    const protection = page.locator('tr[data-indicator="jeugdbescherming-gemeente"]')
    await expect(protection).toContainText('cijfer voor de hele gemeente')

    // The cocktail: 2 of its 6 factors could be assessed; the other 4 say why not (issue 11).
    const cocktail = page.getByTestId('cocktail')
    await expect(cocktail.getByTestId('cocktail-count')).toHaveText('0 van 2 beoordeelde factoren')
    await expect(cocktail.getByTestId('cocktail-not-assessed')).toHaveText('4 van de 6 factoren zijn niet te bepalen.')
    await expect(cocktail.locator('.wk-chip')).toHaveCount(6)
    await expect(cocktail.locator('[data-state="unknown"]')).toHaveCount(4)
    await expect(cocktail.locator('.wk-chip[data-indicator="bijstand"]')).toContainText(
      'niet te bepalen: geen cijfer van CBS voor deze wijk',
    )
    await expect(cocktail.locator('.wk-chip[data-indicator="laag-inkomen"]')).toContainText(
      'niet te bepalen: niet gepubliceerd door CBS',
    )
    await expect(page.getByTestId('cocktail-summary')).toHaveText(
      "In Binnenstad ligt geen van de 2 beoordeelde factoren duidelijk ongunstiger dan in 's-Hertogenbosch én in heel Nederland. " +
        '4 van de 6 factoren konden we niet beoordelen: gemiddeld inkomen per inwoner en huishoudens met een laag inkomen (niet gepubliceerd door CBS); mensen met bijstand en mensen met een WW-uitkering (geen cijfer van CBS voor deze wijk). ' +
        'Het gaat om cijfers over de hele wijk; ze zeggen niets over één gezin of persoon.',
    )
    // Other gemeenten had other factors assessed: not comparable, and the page says so.
    const comparable = page.getByTestId('cocktail-comparability')
    await expect(comparable).toContainText(
      "In 's-Hertogenbosch zijn 2 van de 6 factoren van de risicococktail te beoordelen: woningen van een woningcorporatie en jongeren met jeugdzorg.",
    )
    await expect(comparable).toContainText('Breda: 4 van de 6, Tilburg: 0 van de 6')

    // Every figure has its unit; a figure the wijk lacks still names table, column and period.
    await expect(inhabitants).toContainText('eenheid: aantal')
    await expect(page.locator('tr[data-indicator="jeugdzorg"]')).toContainText(
      'eenheid: per 1.000 inwoners van 0–25 jaar',
    )
    await expect(page.locator('#bron-ww')).toContainText('86003NED')
    await expect(page.locator('#bron-ww')).toContainText('periode september 2024')
    // The same topic in two units says why.
    await expect(page.locator('tr[data-indicator="jeugdhulp-gemeente"]').getByTestId('same-topic')).toContainText(
      'Niet hetzelfde als “Jongeren met jeugdhulp” bij de wijkcijfers (per 1.000 inwoners van 0–25 jaar)',
    )

    // Trends over several periods, the map with this wijk highlighted, and the attribution.
    await expect(page.getByTestId('trend').first()).toBeVisible()
    await expect(page.locator('a[aria-current="page"][data-code="WK079601"]')).toHaveCount(1)
    await expect(page.getByTestId('attribution').first()).toContainText('Bron: CBS, CC BY 4.0')
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('wijk-profiel.png'), fullPage: true })
  })

  test('the English wijk page makes the cocktail and its summary from English keys', async ({ page, context }) => {
    await context.addCookies([{ name: 'wa_lang', value: encodeURIComponent(btoa(JSON.stringify('en'))), url: app.url }])
    await page.goto(`${app.url}/wijken/WK079601`)
    await expect(page.getByTestId('cocktail-count')).toHaveText('0 of 2 assessed factors')
    await expect(page.getByTestId('cocktail-not-assessed')).toHaveText('4 of the 6 factors cannot be assessed.')
    await expect(page.getByTestId('cocktail-summary')).toHaveText(
      "In Binnenstad, none of the 2 assessed factors is clearly less favourable than in 's-Hertogenbosch and in the Netherlands as a whole. " +
        '4 of the 6 factors could not be assessed: average income per inhabitant and low-income households (not published by CBS); people on social assistance and people on unemployment benefit (WW) (no CBS figure for this district). ' +
        'These are figures for the whole district; they say nothing about any one family or person.',
    )
    await expect(page.locator('tr[data-indicator="jeugdzorg"]')).toContainText('unit: per 1,000 inhabitants aged 0–25')
    await expect(page.locator('tr[data-indicator="jeugdzorg"]')).toContainText('first half of 2024')
    await expectAccessible(page)
  })

  test('a wijk where risks pile up highlights them, and a secret figure shows its reason', async ({ page }) => {
    await page.goto(`${app.url}/wijken/WK079609`)
    // Not "2 van 2" alone: 4 of the 6 factors could not be assessed (issue 11).
    await expect(page.getByTestId('cocktail-count')).toHaveText('2 van 2 beoordeelde factoren')
    await expect(page.getByTestId('cocktail-not-assessed')).toHaveText('4 van de 6 factoren zijn niet te bepalen.')
    await expect(page.getByTestId('cocktail').locator('[data-state="risk"]')).toHaveCount(2)
    await expect(page.getByTestId('cocktail-summary')).toContainText('In Noord liggen 2 van de 2 beoordeelde factoren')
    await expect(page.getByTestId('cocktail-summary')).toContainText('4 van de 6 factoren konden we niet beoordelen')

    // Vinkel: the newest one-parent figure is secret at CBS, so the newest one that has a value
    // is shown with its own period, and the newer period says why it is not shown.
    await page.goto(`${app.url}/wijken/WK079614`)
    const single = page.locator('tr[data-indicator="eenouder-jeugdzorg"]')
    await expect(single.getByTestId('wijk-value')).toContainText('28,6%')
    await expect(single).toContainText('1e halfjaar 2023')
    await expect(single.getByTestId('newer')).toHaveText('Nieuwer (1e halfjaar 2024): geheim of onbekend bij CBS.')
    await expectAccessible(page)
  })

  test('the profile on a phone', async ({ browser }) => {
    const context = await browser.newContext(phone)
    const page = await context.newPage()
    await page.goto(`${app.url}/wijken/WK079609`)
    await expect(page.getByRole('heading', { level: 1, name: 'Noord' })).toBeVisible()
    // Nothing sticks out sideways (only the trend tables scroll, inside their own box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const sticking = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => !el.closest('.wk-scroll') && !el.closest('.skip-link'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    )
    expect(sticking).toEqual([])
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('wijk-profiel-telefoon.png'), fullPage: true })
    await context.close()
  })

  test('the index and a gemeente list with its map; switching the indicator changes legend and values', async ({
    page,
  }) => {
    await page.goto(`${app.url}/wijken`)
    await expect(page.getByRole('heading', { level: 1, name: 'Wijkcijfers' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Wijken van Breda' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Wijken van Tilburg' })).toBeVisible()
    // Tilburg's thin data carries a note; the gemeenten differ in what can be assessed.
    const tilburg = page.locator('[data-gemeente="GM0855"]')
    await expect(tilburg.getByTestId('thin-data')).toHaveText(
      'Weinig cijfers: voor de wijken van Tilburg hebben we alleen inwoners en jongeren met jeugdzorg in een eenoudergezin.',
    )
    await expect(tilburg.getByTestId('gemeente-cocktail')).toContainText('in geen enkele wijk te bepalen')
    await expect(page.locator('[data-gemeente="GM0758"]').getByTestId('gemeente-cocktail')).toHaveText(
      'Risicococktail: in de wijken zijn 4 van de 6 factoren te beoordelen.',
    )
    await expect(page.locator('[data-gemeente="GM0758"]').getByTestId('thin-data')).toHaveCount(0)
    await expect(page.getByTestId('gemeenten-comparable')).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('wijken-index.png'), fullPage: true })

    await page.getByRole('link', { name: "Wijken van 's-Hertogenbosch" }).click()
    await expect(page).toHaveURL(/\/gemeenten\/GM0796$/)
    await expect(page.getByRole('heading', { level: 1, name: "Wijken in 's-Hertogenbosch" })).toBeVisible()
    const list = page.getByTestId('wijk-list')
    await expect(list.locator('tbody tr')).toHaveCount(14)
    const noord = list.getByRole('row', { name: /^Noord WK079609/ })
    await expect(noord.getByTestId('list-cocktail')).toContainText('2 van 2 beoordeelde factoren')
    await expect(noord.getByTestId('list-cocktail')).toContainText(
      '4 niet te bepalen: niet gepubliceerd door CBS (2), geen cijfer van CBS voor deze wijk (2)',
    )
    await expect(page.getByTestId('cocktail-comparability')).toContainText(
      'Vergelijk de risicococktail daarom niet tussen wijken van verschillende gemeenten.',
    )
    // The map offers only figures this gemeente has: no bijstand (86003NED has no 's-Hertogenbosch).
    await expect(page.getByLabel('Cijfer op de kaart').locator('option[value="bijstand"]')).toHaveCount(0)
    await expect(page.getByLabel('Cijfer op de kaart').locator('option[value="inkomen-per-inwoner"]')).toHaveCount(0)
    await expect(list.getByRole('row', { name: /^Binnenstad WK079601/ })).toContainText('13.895')

    const map = page.getByTestId('wijk-map')
    await expect(map).toHaveAttribute('data-indicator', 'jeugdzorg')
    await expect(map.locator('a.wk-map-wijk')).toHaveCount(14)
    await expect(page.getByRole('link', { name: 'Binnenstad: 35,5 per 1.000 inwoners van 0–25 jaar' })).toBeVisible()
    const legend = page.getByTestId('map-legend')
    const before = await legend.textContent()
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('gemeente-kaart.png'), fullPage: true })

    // The switch is a GET form: the button works without JavaScript; with it, changing submits.
    await page.getByLabel('Cijfer op de kaart').selectOption('corporatiewoningen')
    await expect(page).toHaveURL(/\?indicator=corporatiewoningen$/)
    await expect(map).toHaveAttribute('data-indicator', 'corporatiewoningen')
    await expect(legend).not.toHaveText(before!)
    await expect(legend).toContainText('%')
    await expect(page.getByRole('link', { name: 'Binnenstad: 33%' })).toBeVisible()
    await expect(list.locator('thead')).toContainText('Woningen van een woningcorporatie')

    // A secret figure is hatched and named in the legend.
    await page.getByLabel('Cijfer op de kaart').selectOption('eenouder-jeugdzorg')
    await expect(map).toHaveAttribute('data-indicator', 'eenouder-jeugdzorg')
    await expect(legend).toContainText('te klein om te tonen of geheim bij CBS')
    await expect(page.getByRole('link', { name: 'Vinkel: geheim of onbekend bij CBS' })).toBeVisible()

    // The risk cocktail as a map layer: each wijk says how many factors were assessed and which not.
    await page.getByLabel('Cijfer op de kaart').selectOption('risicococktail')
    await expect(map).toHaveAttribute('data-indicator', 'risicococktail')
    await expect(legend).toContainText('Legenda (ongunstige factoren)')
    await expect(
      page.getByRole('link', {
        name: 'Noord: 2 van 2 beoordeelde factoren; 4 niet te bepalen: niet gepubliceerd door CBS (2), geen cijfer van CBS voor deze wijk (2)',
      }),
    ).toBeVisible()
    await expectAccessible(page)

    // A gemeente-only figure says so.
    await page.getByLabel('Cijfer op de kaart').selectOption('jeugdbescherming-gemeente')
    await expect(legend).toContainText('alleen voor de hele gemeente')
    await expectAccessible(page)

    // Clicking a wijk opens its profile, keeping the indicator on its map.
    await page.getByRole('link', { name: /^Maaspoort:/ }).click()
    await expect(page).toHaveURL(/\/wijken\/WK079610\?indicator=jeugdbescherming-gemeente$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Maaspoort' })).toBeVisible()
    await expect(page.getByTestId('wijk-map')).toHaveAttribute('data-indicator', 'jeugdbescherming-gemeente')
  })

  test('Tilburg: thin data, a map that offers only what it has, and the list and the map at phone width', async ({
    browser,
  }) => {
    const context = await browser.newContext(phone)
    const page = await context.newPage()
    await page.goto(`${app.url}/gemeenten/GM0855`)
    const select = page.getByLabel('Cijfer op de kaart')
    await expect(select.locator('option[value="inkomen-per-inwoner"]')).toHaveCount(0)
    await expect(select.locator('option[value="jeugdzorg"]')).toHaveCount(0)
    await expect(select.locator('option[value="inwoners"]')).toHaveCount(1)
    await expect(page.getByTestId('wijk-map')).toHaveAttribute('data-indicator', 'inwoners')
    // Asked for by its address, income is not drawn all grey either.
    await page.goto(`${app.url}/gemeenten/GM0855?indicator=inkomen-per-inwoner`)
    await expect(page.getByTestId('wijk-map')).toHaveAttribute('data-indicator', 'inwoners')
    await expect(page.getByTestId('cocktail-comparability')).toContainText(
      'In Tilburg is geen van de 6 factoren van de risicococktail te beoordelen.',
    )
    await expect(page.getByTestId('list-cocktail').first()).toHaveText(
      'niet te bepalen: geen van de 6 factoren heeft een cijfer',
    )
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('tilburg-telefoon.png'), fullPage: true })

    await page.goto(`${app.url}/gemeenten/GM0796`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: test.info().outputPath('gemeente-telefoon.png'), fullPage: true })
    await page.goto(`${app.url}/wijken`)
    await page.screenshot({ path: test.info().outputPath('wijken-index-telefoon.png'), fullPage: true })
    await page.goto(`${app.url}/wijken/WK079601`)
    await page.screenshot({ path: test.info().outputPath('wijk-profiel-binnenstad-telefoon.png'), fullPage: true })
    await context.close()
  })

  test('the map switch works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${app.url}/gemeenten/GM0758`)
    await page.getByLabel('Cijfer op de kaart').selectOption('bijstand')
    await page.getByRole('button', { name: 'Toon op de kaart' }).click()
    await expect(page).toHaveURL(/\/gemeenten\/GM0758\?indicator=bijstand$/)
    await expect(page.getByTestId('wijk-map')).toHaveAttribute('data-indicator', 'bijstand')
    await expect(page.getByTestId('wijk-map').locator('a.wk-map-wijk')).toHaveCount(11)
    await context.close()
  })

  test('the explanation of the risk cocktail and the indicator catalogue', async ({ page }) => {
    await page.goto(`${app.url}/risicococktail`)
    await expect(page.getByRole('heading', { level: 1, name: 'Hoe berekenen we de risicococktail?' })).toBeVisible()
    await expect(page.getByTestId('cocktail-rule')).toContainText('meer dan 10% ongunstiger')
    await expect(page.getByTestId('cocktail-inputs').locator('tbody tr')).toHaveCount(6)
    await expect(page.getByRole('heading', { name: 'Wat betekent het níet?' })).toBeVisible()
    await expect(page.getByTestId('cocktail-missing')).toContainText('Een factor zonder cijfer beoordelen we niet.')
    await expect(page.getByTestId('cocktail-missing')).toContainText(
      'Vergelijk alleen wijken waar dezelfde factoren beoordeeld zijn.',
    )
    await expect(page.getByText('Het zegt niets over één gezin, kind of persoon.', { exact: false })).toBeVisible()
    await expect(page.getByText('minstens 10 zijn', { exact: false })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('risicococktail.png'), fullPage: true })

    await page.goto(`${app.url}/indicatoren`)
    await expect(page.getByRole('heading', { level: 1, name: 'Alle cijfers en hun bron' })).toBeVisible()
    await expect(page.getByTestId('catalogue-entry')).toHaveCount(17)
    const jeugdzorg = page.locator('section#jeugdzorg')
    await expect(jeugdzorg).toContainText('85990NED, 85685NED')
    await expect(jeugdzorg).toContainText('TotaalJongerenMetJeugdzorgInNatura')
    await expect(jeugdzorg).toContainText('per 1.000 inwoners van 0–25 jaar')
    await expect(page.locator('section#jeugdbescherming-gemeente')).toContainText('alleen gemeente')
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('indicatoren.png'), fullPage: true })
  })

  test('unknown and malformed codes are 404 pages in Dutch', async ({ page }) => {
    for (const [url, text] of [
      ['/wijken/WK999999', 'Wijk WK999999 kennen we niet'],
      ['/wijken/onzin', 'Wijk onzin kennen we niet'],
      ['/gemeenten/GM9999', 'Gemeente GM9999 kennen we niet'],
      ['/gemeenten/breda', 'Gemeente breda kennen we niet'],
    ] as const) {
      const response = await page.goto(`${app.url}${url}`)
      expect(response?.status(), url).toBe(404)
      await expect(page.getByRole('heading', { name: 'Deze pagina bestaat niet' })).toBeVisible()
      await expect(page.getByText(text)).toBeVisible()
    }
    await expectAccessible(page)
  })

  test('the import page: a bundled file again (idempotent), and bad files with an error report', async ({ page }) => {
    await createFacilitatorWithCli(app, facilitatorAccount)
    await page.goto(`${app.url}/beheer/import`)
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fbeheer%2Fimport$/)
    await logIn(page, app)
    await page.goto(`${app.url}/beheer/import`)
    await expect(page.getByRole('heading', { level: 1, name: 'CBS-bestanden inlezen' })).toBeVisible()
    await expectAccessible(page)

    const file = '85984NED_kwb2024_nl_gm0796_gm0758.csv'
    const reports: string[] = []
    for (let round = 0; round < 2; round++) {
      await page.getByLabel(/Bestanden/).setInputFiles(bundled(file))
      await page.getByRole('button', { name: 'Inlezen' }).click()
      const ok = page.getByTestId('import-ok')
      await expect(ok).toHaveCount(1)
      await expect(ok).toContainText(`${file} — Ingelezen`)
      await expect(ok).toContainText('85984NED (Kerncijfers wijken en buurten 2024)')
      await expect(ok).toContainText('2024')
      reports.push((await ok.textContent())!)
    }
    expect(reports[1]).toBe(reports[0])
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('import-ok.png'), fullPage: true })

    // The same figures as before the re-import.
    await page.goto(`${app.url}/wijken/WK079601`)
    await expect(page.locator('tr[data-indicator="inwoners"]').getByTestId('wijk-value')).toContainText('13.895')

    await page.goto(`${app.url}/beheer/import`)
    await page.getByLabel(/Bestanden/).setInputFiles([
      {
        name: '85984NED_kapot.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('ID;WijkenEnBuurten;AantalInwoners_5\n0;WK079601;abc\n'),
      },
      {
        name: 'personen.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('ID;BSN;Naam;Geboortedatum\n0;123456782;Jan;2001-01-01\n'),
      },
    ])
    await page.getByRole('button', { name: 'Inlezen' }).click()
    const failed = page.getByTestId('import-failed')
    await expect(failed).toHaveCount(2)
    await expect(failed.nth(0)).toContainText('85984NED_kapot.csv — Niet ingelezen — er is niets opgeslagen')
    const row = failed.nth(0).locator('tbody tr')
    await expect(row.locator('td').nth(0)).toHaveText('2')
    await expect(row.locator('td').nth(1)).toHaveText('AantalInwoners_5')
    await expect(row.locator('td').nth(2)).toHaveText('"abc" is geen getal.')
    await expect(failed.nth(1)).toContainText('Dit lijkt op gegevens over personen')
    await expect(failed.nth(1)).toContainText('BSN')
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('import-fouten.png'), fullPage: true })

    // Nothing of the broken file was stored.
    await page.goto(`${app.url}/wijken/WK079601`)
    await expect(page.locator('tr[data-indicator="inwoners"]').getByTestId('wijk-value')).toContainText('13.895')
  })
})
