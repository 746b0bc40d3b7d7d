import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
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
import { openCanvasAfterJoin } from './support/session'

const app = startAppForThisFile()

const cards = (page: Page) => page.locator('.tl-shape [data-card]')
const indicatorCard = (page: Page, code: string) =>
  page.locator(`.tl-shape [data-card="indicator"][data-indicator="${code}"]`)

async function waitConnected(page: Page) {
  await expect(page.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')
}

async function createSession(page: Page, title: string, wijkCode: string) {
  await page.goto(`${app.url}/sessies`)
  await page.getByLabel('Titel').fill(title)
  await page.getByLabel('Wijkcode (mag leeg)').fill(wijkCode)
  await page.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(page)
}

test.describe.serial('wijk data cards on the canvas', () => {
  test('the facilitator places indicator and cocktail cards, a parent on a phone sees them, and newer figures are refreshed in place', async ({
    browser,
  }) => {
    await createFacilitatorWithCli(app, facilitatorAccount)
    // Tall enough that the facilitator's session controls above the canvas leave the cards in view.
    const facilitator = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const f = await facilitator.newPage()
    await logIn(f, app)
    await createSession(f, 'Opgroeien in de Binnenstad', 'WK079601')
    const code = (await f.getByTestId('join-code').textContent())!.trim()

    // The panel opens with focus on its heading and lists the wijk's figures.
    const open = f.getByRole('button', { name: 'Wijkprofiel' })
    await expect(open).toHaveAttribute('aria-expanded', 'false')
    await open.click()
    const panel = f.getByRole('region', { name: 'Wijkprofiel Binnenstad' })
    await expect(panel).toBeVisible()
    await expect(panel.getByRole('heading', { name: 'Wijkprofiel Binnenstad' })).toBeFocused()
    await expect(panel.locator('li[data-indicator="inwoners"]')).toContainText('13.895')
    await expect(panel.locator('li[data-indicator="inwoners"]')).toContainText('2024')

    // Escape closes it and gives focus back to the button.
    await f.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await expect(open).toBeFocused()
    await expect(open).toHaveAttribute('aria-expanded', 'false')
    await open.click()
    await expect(panel).toBeVisible()

    // Three indicator cards and the cocktail card.
    for (const label of ['Inwoners', 'Jongeren met jeugdzorg', 'Woningen van een woningcorporatie']) {
      await panel.getByRole('button', { name: `Plaats op canvas: ${label}`, exact: true }).click()
      await expect(panel.getByRole('status')).toHaveText(`${label} staat op het canvas.`)
    }
    // The panel says how many factors could be assessed, not "0 van 2" alone (issue 11).
    await expect(panel.getByTestId('panel-cocktail')).toHaveText(
      '0 van 2 beoordeelde factoren; 4 niet te bepalen: niet gepubliceerd door CBS (2), geen cijfer van CBS voor deze wijk (2)',
    )
    await panel.getByRole('button', { name: 'Cocktail plaatsen' }).click()
    await expect(cards(f)).toHaveCount(4)
    // Placed cards lie side by side, not on top of each other.
    // Page coordinates from tldraw's inline styles: a card outside the view is culled (no screen box).
    const boxes = await f.locator('.tl-shape:has([data-card])').evaluateAll((els) =>
      els.map((el) => {
        const m = new DOMMatrix((el as HTMLElement).style.transform)
        return {
          x: m.e,
          y: m.f,
          width: parseFloat((el as HTMLElement).style.width),
          height: parseFloat((el as HTMLElement).style.height),
        }
      }),
    )
    expect(boxes).toHaveLength(4)
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.x >= b.x + b.width || b.x >= a.x + a.width || a.y >= b.y + b.height || b.y >= a.y + a.height).toBe(
          true,
        )

    const inwoners = indicatorCard(f, 'inwoners')
    await expect(inwoners.getByTestId('card-value')).toHaveText('13.895')
    await expect(inwoners.getByTestId('card-gemeente')).toHaveText('160.757')
    await expect(inwoners).toContainText('Bron: CBS, 85984NED AantalInwoners_5, 2024')
    const jeugdzorg = indicatorCard(f, 'jeugdzorg')
    await expect(jeugdzorg.getByTestId('card-value')).toHaveText('35,5')
    await expect(jeugdzorg).toContainText('per 1.000 inwoners van 0–25 jaar')
    await expect(f.locator('[data-card="cocktail"]')).toContainText('Risicococktail · Binnenstad')
    await expect(f.locator('[data-card="cocktail"]')).toContainText('niets over één gezin of persoon')
    // The card says which factors could not be assessed and why, and where its figures come from.
    const cocktailCard = f.locator('.tl-shape [data-card="cocktail"]')
    await expect(cocktailCard.getByTestId('card-value')).toHaveText('0 van 2 beoordeelde factoren')
    await expect(cocktailCard.getByTestId('card-not-assessed')).toHaveText('4 van de 6 factoren niet te bepalen:')
    await expect(cocktailCard).toContainText('Mensen met bijstand: geen cijfer van CBS voor deze wijk')
    await expect(cocktailCard).toContainText('Bron: CBS, 85984NED InBezitWoningcorporatie_49, 2024')
    await expectAccessible(f)
    await f.screenshot({ path: test.info().outputPath('begeleider-paneel.png') })

    // A parent on a phone sees the same four cards, with the same figures, and no refresh button.
    const parent = await browser.newContext(phone)
    const p = await parent.newPage()
    await p.goto(`${app.url}/meedoen`)
    await p.getByLabel('Code', { exact: true }).fill(code)
    await p.getByRole('button', { name: 'Verder' }).click()
    await p.getByRole('radio', { name: /Ouder/ }).check()
    await p.getByRole('button', { name: 'Meedoen' }).click()
    await openCanvasAfterJoin(p, app)
    await waitConnected(p)
    await expect(cards(p)).toHaveCount(4)
    await expect(indicatorCard(p, 'inwoners').getByTestId('card-value')).toHaveText('13.895')
    await expect(indicatorCard(p, 'jeugdzorg').getByTestId('card-value')).toHaveText('35,5')
    await expect(p.getByRole('button', { name: 'Wijkprofiel' })).toHaveCount(0)
    // Zoomed out to see everything, the cards switch to their compact face and stay readable.
    await p.keyboard.press('Shift+1')
    await expect(p.locator('.wk-card--compact')).toHaveCount(4)
    await p.screenshot({ path: test.info().outputPath('ouder-telefoon-overzicht.png') })
    await p.keyboard.press('Shift+0')
    await expect(p.locator('.wk-card--compact')).toHaveCount(0)
    await p.screenshot({ path: test.info().outputPath('ouder-telefoon.png') })
    await expectAccessible(p)

    // Newer figures arrive (as after an import): more inhabitants, and so many corporation
    // homes that it becomes a risk, which also changes the cocktail.
    const db = new Database(app.databasePath)
    const update = db.prepare(`UPDATE indicator_values SET value = ? WHERE region_code = 'WK079601' AND column = ?`)
    expect(update.run(14210, 'AantalInwoners').changes).toBeGreaterThan(0)
    expect(update.run(60, 'InBezitWoningcorporatie').changes).toBeGreaterThan(0)
    db.close()

    // The facilitator sees which cards have newer figures (not the youth-care card) ...
    await f.reload()
    await waitConnected(f)
    const woningen = indicatorCard(f, 'corporatiewoningen')
    const cocktail = f.locator('.tl-shape [data-card="cocktail"]')
    for (const card of [inwoners, woningen, cocktail])
      await expect(card.getByText('Nieuwere cijfers beschikbaar')).toBeVisible()
    await expect(f.getByText('Nieuwere cijfers beschikbaar')).toHaveCount(3)
    await expect(inwoners.getByTestId('card-value')).toHaveText('13.895')
    await expect(p.getByRole('button', { name: 'Bijwerken' })).toHaveCount(0)
    await f.screenshot({ path: test.info().outputPath('begeleider-update.png') })

    // ... scrolls the canvas (the cocktail card's bottom is under the toolbar) and
    // refreshes them in place; the parent sees the new figures too.
    await f.mouse.move(960, 600)
    await f.mouse.wheel(0, 160)
    for (const card of [inwoners, woningen]) await card.getByRole('button', { name: 'Bijwerken' }).click()
    // The cocktail card is taller since it lists what could not be assessed: scroll on to its button.
    await f.mouse.wheel(0, 240)
    await cocktail.getByRole('button', { name: 'Bijwerken' }).click()
    await expect(f.getByText('Nieuwere cijfers beschikbaar')).toHaveCount(0)
    await expect(inwoners.getByTestId('card-value')).toHaveText('14.210')
    await expect(woningen.getByTestId('card-value')).toHaveText('60%')
    await expect(woningen).toContainText("Risico: duidelijk ongunstiger dan 's-Hertogenbosch én Nederland")
    await expect(cocktail.getByTestId('card-value')).toHaveText('1 van 2 beoordeelde factoren')
    await expect(cocktail).toContainText('Woningen van een woningcorporatie')
    await f.screenshot({ path: test.info().outputPath('begeleider-bijgewerkt.png') })
    await expect(indicatorCard(p, 'inwoners').getByTestId('card-value')).toHaveText('14.210')
    await expect(indicatorCard(p, 'corporatiewoningen').getByTestId('card-value')).toHaveText('60%')
    await expect(p.locator('.tl-shape [data-card="cocktail"]').getByTestId('card-value')).toHaveText(
      '1 van 2 beoordeelde factoren',
    )
    await p.screenshot({ path: test.info().outputPath('ouder-telefoon-bijgewerkt.png') })

    await facilitator.close()
    await parent.close()
  })

  test('a session whose wijk code is unknown says so in the panel', async ({ page }) => {
    await logIn(page, app)
    await createSession(page, 'Wijk die niet bestaat', 'WK999999')
    await page.getByRole('button', { name: 'Wijkprofiel' }).click()
    await expect(page.getByRole('region', { name: 'Wijkprofiel WK999999' })).toContainText(
      'De wijkcode WK999999 kennen we niet.',
    )
  })
})
