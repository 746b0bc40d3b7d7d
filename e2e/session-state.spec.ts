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
import { expectTimersAgree, openCanvasAfterJoin, shownSeconds, waitConnected } from './support/session'

const app = startAppForThisFile()
const shots = process.env.SCREENSHOT_DIR

const shapes = (page: Page) => page.locator('.tl-shape[data-shape-type="geo"]')
const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')

/** A note the way a person adds one (participants add notes, not rectangles): N, a click, a word, Escape. */
async function addNote(page: Page, x: number, y: number, text: string) {
  await page.mouse.click(x, y)
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await page.mouse.click(x, y)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

async function drawRectangle(page: Page, x: number, y: number) {
  await page.mouse.click(x, y)
  await page.keyboard.press('Escape')
  await page.keyboard.press('r')
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 60, y + 40, { steps: 4 })
  await page.mouse.move(x + 120, y + 80, { steps: 4 })
  await page.mouse.up()
  await page.keyboard.press('Escape')
}

test.describe.serial('running a session: step, timer, projector, closing', () => {
  test('the step and timer agree on every screen, closing makes the canvas read-only and stops the code', async ({
    browser,
  }) => {
    await createFacilitatorWithCli(app, facilitatorAccount)
    const facilitator = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const f = await facilitator.newPage()
    await logIn(f, app)
    await f.getByLabel('Titel').fill('Samen opgroeien in Kruiskamp')
    await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
    await waitConnected(f)
    const code = (await f.getByTestId('join-code').textContent())!.trim()
    const sessionUrl = f.url()
    await expect(f.getByTestId('phase-label')).toHaveText('Inleven')

    // A parent joins on a phone: the step and its instruction are there for them too.
    const parent = await browser.newContext(phone)
    const p = await parent.newPage()
    await p.goto(`${app.url}/meedoen/${code}`)
    await p.getByRole('radio', { name: /Ouder/ }).check()
    await p.getByRole('button', { name: 'Meedoen' }).click()
    await openCanvasAfterJoin(p, app)
    await waitConnected(p)
    await expect(p.getByTestId('phase-instruction')).toHaveText(
      'Vertel wat je meemaakt. Wat gaat goed en wat is moeilijk?',
    )
    // Participants see the step and the timer, not the controls.
    await expect(p.getByLabel('Stap', { exact: true })).toHaveCount(0)
    await expect(p.getByRole('button', { name: 'Start' })).toHaveCount(0)

    // The facilitator moves to step 2 and starts a 5-minute timer.
    await f.getByLabel('Stap', { exact: true }).selectOption('definieren')
    await expect(p.getByTestId('phase-label')).toHaveText('Definiëren')
    await expect(p.getByTestId('phase-instruction')).toContainText('Hoe kunnen wij')
    await f.getByLabel('Minuten').fill('5')
    await f.getByRole('form', { name: 'Timer' }).getByRole('button', { name: 'Start' }).click()
    await expect(p.getByTestId('timer-digits')).toBeVisible()
    const shown = await expectTimersAgree(f, p)
    expect(shown).toBeGreaterThan(240)
    expect(shown).toBeLessThanOrEqual(300)
    await expectAccessible(f)
    await expectAccessible(p)
    if (shots) await p.screenshot({ path: `${shots}/phone-step-timer.png` })
    if (shots) await f.screenshot({ path: `${shots}/canvas-step-timer.png` })

    // A reload mid-count: the timer comes back from the server's end time, still in step.
    await p.reload()
    await expect(p.getByTestId('timer-digits')).toBeVisible()
    await expect(p.getByTestId('phase-label')).toHaveText('Definiëren')
    await expectTimersAgree(f, p)

    // Pause: every screen stops at the same second.
    await f.getByRole('button', { name: 'Pauze' }).click()
    await expect(p.getByTestId('timer')).toHaveAttribute('data-status', 'paused')
    expect((await shownSeconds(p)).seconds).toBe((await shownSeconds(f)).seconds)
    await f.getByRole('button', { name: 'Verder' }).click()
    await expect(p.getByTestId('timer')).toHaveAttribute('data-status', 'running')

    // The projector: step and timer large, and the join screen with the code and a QR code.
    const projectorContext = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      storageState: await facilitator.storageState(),
    })
    const projector = await projectorContext.newPage()
    await projector.goto(`${sessionUrl}/scherm`)
    await expect(projector.getByTestId('phase-label')).toHaveText('Definiëren')
    await expect(projector.getByTestId('timer-digits')).toBeVisible()
    await expectTimersAgree(projector, p)
    await expectAccessible(projector)
    if (shots) await projector.screenshot({ path: `${shots}/projector-1920.png` })
    await projector.getByRole('button', { name: 'Laat de code zien' }).click()
    const joinScreen = projector.getByTestId('join-screen')
    await expect(joinScreen.getByTestId('join-screen-code')).toHaveText(code)
    await expect(joinScreen.getByTestId('join-qr').locator('svg')).toBeVisible()
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await projector.setViewportSize(size)
      const fontSize = await joinScreen
        .getByTestId('join-screen-code')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(fontSize).toBeGreaterThanOrEqual(size.height * 0.1)
      const qr = await joinScreen.getByTestId('join-qr').locator('svg').boundingBox()
      expect(qr!.height).toBeGreaterThan(size.height * 0.4)
      if (shots) await projector.screenshot({ path: `${shots}/join-screen-${size.width}.png` })
    }
    await expectAccessible(projector)
    await projector.keyboard.press('Escape')
    await expect(joinScreen).toHaveCount(0)

    // Closing: the parent's canvas becomes read-only and the code stops working.
    await f.getByRole('button', { name: 'Sluiten' }).click()
    await expect(p.getByTestId('closed-note')).toHaveText(
      'Deze werksessie is gesloten. Je kunt nog kijken, maar niets meer veranderen.',
    )
    await waitConnected(p)
    await addNote(p, 120, 460, 'dicht')
    // The facilitator still edits; once her shape reached the parent, a note of theirs would be there too.
    await drawRectangle(f, 400, 350)
    await expect(shapes(p)).toHaveCount(1)
    await expect(shapes(f)).toHaveCount(1)
    await expect(notes(p)).toHaveCount(0)
    if (shots) await p.screenshot({ path: `${shots}/phone-closed.png` })

    const newcomer = await browser.newContext(phone)
    const n = await newcomer.newPage()
    const closedPage = await n.goto(`${app.url}/meedoen/${code}`)
    expect(closedPage!.status()).toBe(410)
    await expect(n.getByRole('heading', { name: 'Deze werksessie is gesloten' })).toBeVisible()
    await expect(n.getByTestId('join-closed')).toContainText(code)
    await expectAccessible(n)
    if (shots) await n.screenshot({ path: `${shots}/join-closed.png` })

    // Reopening: the parent may edit again and the code works.
    await f.getByRole('button', { name: 'Weer openen' }).click()
    await expect(p.getByTestId('closed-note')).toHaveCount(0)
    await waitConnected(p)
    await addNote(p, 120, 460, 'open')
    await expect(notes(f)).toHaveCount(1)
    await n.goto(`${app.url}/meedoen/${code}`)
    await expect(n.getByRole('button', { name: 'Meedoen' })).toBeVisible()

    // Settings: who is connected now, per role.
    await f.goto(`${sessionUrl}/instellingen`)
    await expect(f.getByRole('heading', { name: 'Instellingen van de werksessie' })).toBeVisible()
    await expect(f.getByText('Ouder: 1 nu verbonden, 1 ooit meegedaan')).toBeVisible()
    await expectAccessible(f)
    if (shots) await f.screenshot({ path: `${shots}/settings.png`, fullPage: true })

    await Promise.all([facilitator, parent, projectorContext, newcomer].map((c) => c.close()))
  })
})
