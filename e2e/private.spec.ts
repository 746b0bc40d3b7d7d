import type { Page } from '@playwright/test'
import { createFacilitatorWithCli } from './support/app-process'
import {
  expect,
  expectAccessible,
  facilitatorAccount,
  logIn,
  phone,
  startAppForThisFile,
  test,
} from './support/fixtures'
import { openCanvasAfterJoin, receivedText, recordFrames, waitConnected } from './support/session'

const app = startAppForThisFile()
const coAccount = { name: 'Joost Bakker', email: 'joost@wijkteam.nl', password: 'preventie-2026!' }

const notes = (page: Page, text: string) => page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text })

const secrets = ['Oppasclub in de bibliotheek', 'Vaders-ochtend op zaterdag']

test('private ideation: the parent’s notes reach no other browser until “laat zien”, then everyone’s canvas', async ({
  browser,
}) => {
  await createFacilitatorWithCli(app, facilitatorAccount)
  await createFacilitatorWithCli(app, coAccount)
  const f = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Ideeën voor de Reit')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const code = (await f.getByTestId('join-code').textContent())!.trim()
  const sessionUrl = f.url()
  const sessionId = new URL(sessionUrl).pathname.split('/')[2]
  const invited = await f.request.post(`${app.url}/api/v1/sessions/${sessionId}/facilitators`, {
    data: { email: coAccount.email },
    headers: { Origin: app.url },
  })
  expect(invited.status()).toBe(201)

  const co = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  const coFrames = recordFrames(co)
  await logIn(co, app, coAccount)
  await co.goto(sessionUrl)
  await waitConnected(co)

  const parent = await (await browser.newContext(phone)).newPage()
  await parent.goto(`${app.url}/meedoen/${code}`)
  await parent.getByRole('radio', { name: /Ouder/ }).check()
  await parent.getByRole('button', { name: 'Meedoen' }).click()
  await openCanvasAfterJoin(parent, app)
  await waitConnected(parent)

  // The facilitator turns private writing on (without looking herself).
  await f.getByRole('button', { name: 'Privé schrijven aan' }).click()
  await expect(f.getByText('Privé schrijven staat aan.')).toBeVisible()
  await expect(co.getByText('Privé schrijven staat aan.')).toBeVisible()
  const banner = parent.getByTestId('private-banner')
  await expect(banner).toHaveText(/Alleen jij ziet dit, tot de begeleider alles laat zien/)
  await waitConnected(parent)
  const privateRoom = await parent.locator('[data-canvas-room]').getAttribute('data-canvas-room')

  // The parent writes two ideas from the phone: they land on her own canvas.
  for (const text of secrets) {
    await parent.getByLabel('Jouw idee').fill(text)
    await parent.getByRole('button', { name: 'Toevoegen' }).tap()
    await expect(parent.getByRole('status').filter({ hasText: 'Alleen jij ziet het' })).toBeVisible()
    await expect(notes(parent, text)).toHaveCount(1)
  }
  await parent.screenshot({ path: test.info().outputPath('prive-canvas-ouder-telefoon.png') })
  await expectAccessible(parent, { exclude: ['.tl-container'] })

  // Neither facilitator's page has them, and no byte of them reached the co-facilitator's browser.
  await f.getByRole('button', { name: 'Laat alles zien' }).waitFor()
  for (const page of [f, co]) for (const text of secrets) await expect(notes(page, text)).toHaveCount(0)
  for (const text of secrets) expect(receivedText(coFrames, text)).toBe(false)
  expect(await co.locator(`[data-canvas-room="${privateRoom}"]`).count()).toBe(0)
  // Someone else asking for her room is refused.
  const peek = await co.request.get(`${app.url}/api/v1/sessions/${sessionId}/collab-token?room=${privateRoom}`)
  expect(peek.status()).toBe(403)
  await f.screenshot({ path: test.info().outputPath('prive-aan-begeleider.png') })
  await expectAccessible(f, { exclude: ['.tl-container'] })

  // "Laat alles zien": the notes move to the shared canvas, on every screen.
  await f.getByRole('button', { name: 'Laat alles zien' }).click()
  await expect(f.getByRole('status').filter({ hasText: '(2 nieuw)' })).toBeVisible()
  for (const page of [f, co, parent]) {
    for (const text of secrets) await expect(notes(page, text)).toHaveCount(1)
  }
  for (const text of secrets) expect(receivedText(coFrames, text)).toBe(true)
  await expect(banner).toHaveCount(0)
  await expect(f.getByRole('button', { name: 'Privé schrijven aan' })).toBeVisible()
  // Labelled with the role, no name.
  await expect(notes(co, secrets[0])).toContainText('Ouder')
  await parent.screenshot({ path: test.info().outputPath('na-laat-zien-ouder-telefoon.png') })
  await co.screenshot({ path: test.info().outputPath('na-laat-zien-co-begeleider.png') })
})
