import type { Browser, BrowserContext, Page } from '@playwright/test'
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

/** The live channel the phone page keeps open: `GET …/events` with this browser's participant cookie. */
async function openLiveChannel(context: BrowserContext) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  const abort = new AbortController()
  const res = await fetch(`${app.url}/api/v1/sessions/${sessionId}/events`, {
    headers: { Cookie: cookie },
    signal: abort.signal,
  })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  let text = ''
  while (!text.includes('event: state')) {
    const { value, done } = await reader.read()
    if (done) throw new Error('the live channel ended')
    text += new TextDecoder().decode(value)
  }
  return () => {
    abort.abort()
    return reader.cancel().catch(() => {})
  }
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
    // The phone page (/doe-mee/<id>) is built beside this; until it is on main it may answer 404.
    await p.waitForURL(`${app.url}/doe-mee/${sessionId}`)

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

  test('the facilitator’s list: connected now through the canvas or the live channel, and ever joined', async ({
    browser,
  }) => {
    // Ouder 1 and Professional 1 joined in the first test.
    const f = await (await browser.newContext(laptopScreen)).newPage()
    await logIn(f, app)
    // A parent's phone (Ouder 2) that will open the phone page's live channel, one who left (Ouder
    // 3), and a professional on the canvas (Professional 2).
    const phone = await browser.newContext(phoneScreen)
    await joinAs(await phone.newPage(), /Ouder/, 'phone')
    const gone = await browser.newContext(phoneScreen)
    await joinAs(await gone.newPage(), /Ouder/, 'phone')
    await expect(gone.pages()[0]).toHaveURL(`${app.url}/doe-mee/${sessionId}`)
    await gone.close()
    const laptop = await browser.newContext(laptopScreen)
    const l = await laptop.newPage()
    await joinAs(l, /Professional/, 'wide')
    await waitConnected(l)

    const settings = `${app.url}/sessies/${sessionId}/instellingen`
    const status = (name: string) =>
      f.getByTestId('participant-row').filter({ hasText: name }).getByTestId('participant-status')
    await f.goto(settings)
    await expect(status('Ouder 2')).toHaveText('Niet verbonden')
    await expect(f.getByText('Ouder: 0 nu verbonden, 3 ooit meegedaan')).toBeVisible()

    const close = await openLiveChannel(phone)
    await f.goto(settings)
    await expect(status('Ouder 2')).toHaveText('Verbonden')
    // (Ouder 1 and 3 ended on the phone page's address, which opened no channel of its own.)
    for (const away of ['Ouder 1', 'Ouder 3']) await expect(status(away)).toHaveText('Niet verbonden')
    await expect(status('Professional 2')).toHaveText('Verbonden')
    await expect(f.getByText('Ouder: 1 nu verbonden, 3 ooit meegedaan')).toBeVisible()
    await expect(f.getByText(/^Professional: \d nu verbonden, 2 ooit meegedaan$/)).toBeVisible()
    await expectAccessible(f)
    await f.screenshot({ path: test.info().outputPath('wie-doet-mee.png'), fullPage: true })

    // The stream closes (the phone page is closed): the next look says so.
    await close()
    await expect
      .poll(async () => {
        await f.goto(settings)
        return status('Ouder 2').textContent()
      })
      .toBe('Niet verbonden')
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
