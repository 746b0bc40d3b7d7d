import type { BrowserContext, Page } from '@playwright/test'
import { expect, expectAccessible, facilitatorAccount, phone, test, startAppForThisFile } from './support/fixtures'
import { openCanvasAfterJoin } from './support/session'

const app = startAppForThisFile()

const shapes = (page: Page) => page.locator('.tl-shape[data-shape-type="geo"]')

async function waitConnected(page: Page) {
  await expect(page.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')
}

/** Draws a rectangle the way a person does: the R key, then a drag on the canvas. */
async function drawRectangle(page: Page, x: number, y: number) {
  await page.mouse.click(x, y) // an empty spot: focuses the canvas, selects nothing
  await page.keyboard.press('Escape')
  await page.keyboard.press('r')
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 60, y + 40, { steps: 4 })
  await page.mouse.move(x + 120, y + 80, { steps: 4 })
  await page.mouse.up()
  await page.keyboard.press('Escape')
}

test.describe.serial('the live canvas', () => {
  test('facilitator and a parent on a phone share shapes and cursors, offline edits merge, and the canvas survives a server kill', async ({
    browser,
  }) => {
    // Two browsers, an offline spell and a server kill and restart: more than the default 90 s on a busy machine.
    test.setTimeout(180_000)
    // No request may leave this server: tldraw's fonts, icons and translations are self-hosted.
    const foreign: string[] = []
    const watch = (ctx: BrowserContext) =>
      ctx.on('request', (r) => {
        if (
          !new URL(r.url()).hostname.match(/^(localhost|127\.0\.0\.1)$/) &&
          !r.url().startsWith('data:') &&
          !r.url().startsWith('blob:')
        )
          foreign.push(r.url())
      })

    // The facilitator creates the first account, logs out and in again, and opens a werksessie.
    // Tall enough that the facilitator's session controls above the canvas leave room to draw.
    const facilitator = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    watch(facilitator)
    const f = await facilitator.newPage()
    await f.goto(app.url)
    await f.getByLabel('Naam').fill(facilitatorAccount.name)
    await f.getByLabel('E-mailadres').fill(facilitatorAccount.email)
    await f.getByLabel('Wachtwoord').fill(facilitatorAccount.password)
    await f.getByRole('button', { name: 'Account aanmaken' }).click()
    await expect(f.getByRole('heading', { name: 'Mijn werksessies' })).toBeVisible()
    await f.getByRole('button', { name: 'Uitloggen' }).click()
    await f.getByLabel('E-mailadres').fill(facilitatorAccount.email)
    await f.getByLabel('Wachtwoord').fill(facilitatorAccount.password)
    await f.getByRole('button', { name: 'Inloggen' }).click()
    await f.getByLabel('Titel').fill('Samen opgroeien in Kruiskamp')
    await f.getByLabel('Wijkcode (mag leeg)').fill('WK079603')
    await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
    await waitConnected(f)
    // tldraw's own interface speaks Dutch (its nl translation comes from this server).
    await expect(f.getByRole('button', { name: 'Selecteer — V' })).toBeVisible()
    const code = (await f.getByTestId('join-code').textContent())!.trim()

    // A parent joins on a phone with the code, anonymously.
    const parent = await browser.newContext(phone)
    watch(parent)
    const p = await parent.newPage()
    await p.goto(`${app.url}/meedoen`)
    await p.getByLabel('Code', { exact: true }).fill(code)
    await p.getByRole('button', { name: 'Verder' }).click()
    await p.getByRole('radio', { name: /Ouder/ }).check()
    await p.getByRole('button', { name: 'Meedoen' }).click()
    await openCanvasAfterJoin(p, app)
    await expect(p.getByText('Jij bent Ouder 1')).toBeVisible()
    await waitConnected(p)

    // Both see each other's shapes.
    await drawRectangle(f, 300, 550)
    await expect(shapes(f)).toHaveCount(1)
    await expect(shapes(p)).toHaveCount(1)
    await drawRectangle(p, 60, 300)
    await expect(shapes(p)).toHaveCount(2)
    await expect(shapes(f)).toHaveCount(2)

    // ... and each other's cursors, with name and role.
    await f.mouse.move(220, 680, { steps: 5 })
    await expect(p.locator('.tl-collaborator__cursor').first()).toBeVisible()
    await expect(p.getByText(facilitatorAccount.name, { exact: false }).first()).toBeVisible()
    await p.mouse.move(150, 500, { steps: 5 })
    await expect(f.getByText('Ouder 1', { exact: false }).first()).toBeVisible()
    await f.screenshot({ path: test.info().outputPath('begeleider.png') })
    await p.screenshot({ path: test.info().outputPath('ouder-telefoon.png') })
    await expectAccessible(p)
    await expectAccessible(f)

    // The parent goes offline and keeps drawing; the facilitator does not see it yet.
    await parent.setOffline(true)
    await expect(p.locator('[data-connection-state]')).not.toHaveAttribute('data-connection-state', 'connected')
    await drawRectangle(p, 60, 500)
    await expect(shapes(p)).toHaveCount(3)
    await drawRectangle(f, 450, 420)
    await expect(shapes(f)).toHaveCount(3)
    await p.screenshot({ path: test.info().outputPath('ouder-offline.png') })
    await expect(shapes(f)).toHaveCount(3)
    await expect(shapes(p)).toHaveCount(3)

    // Back online: both converge on all four shapes.
    await parent.setOffline(false)
    await waitConnected(p)
    await expect(shapes(p)).toHaveCount(4)
    await expect(shapes(f)).toHaveCount(4)

    // The server is killed outright and started again on the same database: nothing is lost.
    await app.stop('SIGKILL')
    await expect(f.locator('[data-connection-state]')).not.toHaveAttribute('data-connection-state', 'connected')
    await app.start()
    await waitConnected(f)
    await waitConnected(p)
    const fresh = await browser.newContext()
    const check = await fresh.newPage()
    await check.goto(app.url + '/inloggen')
    await check.getByLabel('E-mailadres').fill(facilitatorAccount.email)
    await check.getByLabel('Wachtwoord').fill(facilitatorAccount.password)
    await check.getByRole('button', { name: 'Inloggen' }).click()
    await check.getByRole('link', { name: 'Samen opgroeien in Kruiskamp', exact: true }).click()
    await waitConnected(check)
    await expect(shapes(check)).toHaveCount(4)
    await check.screenshot({ path: test.info().outputPath('na-herstart.png') })

    // The projector view follows live but cannot draw, even with the facilitator's cookie.
    const projector = await check.context().newPage()
    await projector.goto(check.url() + '/scherm')
    await waitConnected(projector)
    await expect(shapes(projector)).toHaveCount(4)
    await drawRectangle(projector, 500, 450)
    await drawRectangle(f, 650, 750)
    await expect(shapes(projector)).toHaveCount(5)
    await expect(shapes(p)).toHaveCount(5)
    await expect(shapes(f)).toHaveCount(5)
    await expectAccessible(projector)
    await projector.screenshot({ path: test.info().outputPath('projectiescherm.png') })

    expect(foreign, 'requests to other hosts').toEqual([])
    await facilitator.close()
    await parent.close()
    await fresh.close()
  })
})
