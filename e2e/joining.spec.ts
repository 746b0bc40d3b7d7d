import type { Browser, Page } from '@playwright/test'
import { createFacilitatorWithCli } from './support/app-process'
import { expect, expectAccessible, facilitatorAccount, logIn, startAppForThisFile, test } from './support/fixtures'
import { waitConnected } from './support/session'

const app = startAppForThisFile()

/** A phone as the house tests participant pages: 360 × 740, touch. */
const phoneScreen = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
const laptopScreen = { viewport: { width: 1280, height: 800 } }
const iPhone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

let code = ''
let sessionId = ''

async function startSession(browser: Browser): Promise<Page> {
  const f = await (await browser.newContext(laptopScreen)).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Opgroeien in De Reit')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  code = (await f.getByTestId('join-code').textContent())!.trim()
  sessionId = new URL(f.url()).pathname.split('/').pop()!
  return f
}

/** Chooses a role on the join page once the page has measured the screen, and joins. */
async function joinAs(page: Page, role: RegExp, screen: 'phone' | 'wide') {
  await page.goto(`${app.url}/meedoen/${code}`)
  await expect(page.locator('input[name="screen"]')).toHaveValue(screen)
  await page.getByRole('radio', { name: role }).check()
  await page.getByRole('button', { name: 'Meedoen' }).click()
}

test.describe.serial('joining from the room', () => {
  test('a phone lands on the phone page and a laptop on the canvas; the phone comes back as itself', async ({
    browser,
  }) => {
    await createFacilitatorWithCli(app, facilitatorAccount)
    const f = await startSession(browser)

    const phone = await browser.newContext(phoneScreen)
    const p = await phone.newPage()
    await p.goto(`${app.url}/meedoen/${code}`)
    await expect(p.locator('input[name="screen"]')).toHaveValue('phone')
    await expectAccessible(p)
    await p.screenshot({ path: test.info().outputPath('meedoen-telefoon.png'), fullPage: true })
    await joinAs(p, /Ouder/, 'phone')
    await p.waitForURL(`${app.url}/doe-mee/${sessionId}`)
    await expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'live')

    const laptop = await browser.newContext(laptopScreen)
    const l = await laptop.newPage()
    await joinAs(l, /Professional/, 'wide')
    await l.waitForURL(`${app.url}/sessies/${sessionId}`)
    await waitConnected(l)

    // The join link again on the same phone: welcomed back as Ouder 1, and on as Ouder 1.
    await p.goto(`${app.url}/meedoen/${code}`)
    await expect(p.getByTestId('join-returning')).toHaveText(
      'Je doet al mee met: Opgroeien in De Reit. Je bent Ouder 1.',
    )
    await expect(p.getByRole('radio')).toHaveCount(0)
    await expectAccessible(p)
    await p.screenshot({ path: test.info().outputPath('weer-meedoen-telefoon.png'), fullPage: true })
    await expect(p.locator('input[name="screen"]')).toHaveValue('phone')
    await p.getByRole('button', { name: 'Verder als Ouder 1' }).click()
    await p.waitForURL(`${app.url}/doe-mee/${sessionId}`)

    // Two people joined, not three.
    await f.goto(`${app.url}/sessies/${sessionId}/instellingen`)
    await expect(f.getByTestId('participant-row')).toHaveCount(2)
    await expect(f.getByTestId('participant-row').first()).toContainText('Ouder 1')
  })

  test('the facilitator’s list: connected now on the canvas or the phone page, and ever joined', async ({
    browser,
  }) => {
    // A werksessie of its own: nobody from the first test in it.
    const f = await startSession(browser)
    // A parent on the phone page (Ouder 1), one who opened it and went elsewhere (Ouder 2), and a
    // professional on the canvas (Professional 1).
    const phone = await (await browser.newContext(phoneScreen)).newPage()
    await joinAs(phone, /Ouder/, 'phone')
    await phone.waitForURL(`${app.url}/doe-mee/${sessionId}`)
    await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'live')
    const leaver = await (await browser.newContext(phoneScreen)).newPage()
    await joinAs(leaver, /Ouder/, 'phone')
    await expect(leaver.getByTestId('connection')).toHaveAttribute('data-state', 'live')
    await leaver.goto('about:blank')
    const laptop = await (await browser.newContext(laptopScreen)).newPage()
    await joinAs(laptop, /Professional/, 'wide')
    await waitConnected(laptop)

    // The list is the state when the page was opened: look again until a closed stream is counted out.
    const settings = `${app.url}/sessies/${sessionId}/instellingen`
    const statuses = async () => {
      await f.goto(settings)
      const rows = await f.getByTestId('participant-row').all()
      return Promise.all(
        rows.map(
          async (row) =>
            `${await row.locator('td').first().textContent()}: ${await row.getByTestId('participant-connected').textContent()}`,
        ),
      )
    }
    await expect.poll(statuses).toEqual(['Ouder 1: Verbonden', 'Ouder 2: Niet verbonden', 'Professional 1: Verbonden'])
    await expect(f.getByText('Ouder: 1 nu verbonden, 2 ooit meegedaan')).toBeVisible()
    await expect(f.getByText('Professional: 1 nu verbonden, 1 ooit meegedaan')).toBeVisible()
    await expectAccessible(f)
    await f.screenshot({ path: test.info().outputPath('wie-doet-mee.png'), fullPage: true })

    // The parent leaves the phone page too: not connected, still joined.
    await phone.goto('about:blank')
    await expect
      .poll(statuses)
      .toEqual(['Ouder 1: Niet verbonden', 'Ouder 2: Niet verbonden', 'Professional 1: Verbonden'])
    await expect(f.getByText('Ouder: 0 nu verbonden, 2 ooit meegedaan')).toBeVisible()
  })

  test('without JavaScript the request decides: a phone’s User-Agent lands on the phone page, a laptop’s on the canvas', async ({
    browser,
  }) => {
    for (const [context, landing] of [
      [{ ...phoneScreen, javaScriptEnabled: false, userAgent: iPhone }, 'doe-mee'],
      [{ ...laptopScreen, javaScriptEnabled: false }, 'sessies'],
    ] as const) {
      const page = await (await browser.newContext(context)).newPage()
      await page.goto(`${app.url}/meedoen/${code}`)
      await expect(page.locator('input[name="screen"]')).toHaveValue('')
      await page.getByRole('radio', { name: /Consultatiebureau/ }).check()
      await page.getByRole('button', { name: 'Meedoen' }).click()
      await page.waitForURL(`${app.url}/${landing}/${sessionId}`)
    }
  })
})
