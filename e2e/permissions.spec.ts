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
test.afterEach(() => {
  if (process.env.SHOW_APP_LOGS) console.log(app.logs())
})

const notes = (page: Page) => page.locator('.tl-shape[data-shape-type="note"]')
const frames = (page: Page) => page.locator('.tl-shape[data-shape-type="frame"]')
const cards = (page: Page) => page.locator('.tl-shape:has([data-card])')

async function waitConnected(page: Page) {
  await expect(page.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')
}

/** A note the way a person adds one: the N key, a click on the canvas, a word, Escape. */
async function addNote(page: Page, x: number, y: number, text: string) {
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await page.mouse.click(x, y)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

test.describe.serial('roles on the canvas', () => {
  test("a parent's Ctrl+A + Delete removes only their own notes; their menu has no pages, export or media; a locked frame shows its lock", async ({
    browser,
  }) => {
    await createFacilitatorWithCli(app, facilitatorAccount)
    const f = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    await logIn(f, app)
    await f.getByLabel('Titel').fill('Opgroeien in de Binnenstad')
    await f.getByLabel('Wijkcode (mag leeg)').fill('WK079601')
    await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
    await waitConnected(f)
    const sessionId = new URL(f.url()).pathname.split('/')[2]
    const code = (await f.getByTestId('join-code').textContent())!.trim()

    // The facilitator's board: a wijk card and a frame.
    await f.getByRole('button', { name: 'Wijkprofiel' }).click()
    const panel = f.getByRole('region', { name: 'Wijkprofiel Binnenstad' })
    await panel.getByRole('button', { name: 'Plaats op canvas: Inwoners', exact: true }).click()
    await f.keyboard.press('Escape')
    await expect(cards(f)).toHaveCount(1)
    // Positions on the canvas, wherever the session's bars above it end.
    const fc = (await f.locator('#inhoud').boundingBox())!
    const at = (x: number, y: number) => [fc.x + x, fc.y + y] as const
    await f.mouse.click(...at(900, 400))
    await f.keyboard.press('Escape')
    await f.keyboard.press('f')
    await f.mouse.move(...at(650, 80))
    await f.mouse.down()
    await f.mouse.move(...at(800, 200), { steps: 4 })
    await f.mouse.move(...at(950, 330), { steps: 4 })
    await f.mouse.up()
    await f.keyboard.press('Escape')
    await expect(frames(f)).toHaveCount(1)

    // A parent joins on a phone and adds two notes.
    const p = await (await browser.newContext(phone)).newPage()
    await p.goto(`${app.url}/meedoen`)
    await p.getByLabel('Code', { exact: true }).fill(code)
    await p.getByRole('button', { name: 'Verder' }).click()
    await p.getByRole('radio', { name: /Ouder/ }).check()
    await p.getByRole('button', { name: 'Meedoen' }).click()
    await openCanvasAfterJoin(p, app)
    await waitConnected(p)
    await expect(frames(p)).toHaveCount(1)
    await expect(cards(p)).toHaveCount(1)
    const pc = (await p.locator('#inhoud').boundingBox())!
    await addNote(p, pc.x + 80, pc.y + 260, 'Meer')
    await addNote(p, pc.x + 250, pc.y + 260, 'Samen')
    await expect(notes(p)).toHaveCount(2)
    await expect(notes(f)).toHaveCount(2)

    // The parent's menus: no main menu (export all, media, embeds), no page menu, no upload.
    await expect(p.getByTestId('main-menu.button')).toHaveCount(0)
    await expect(p.getByTestId('page-menu.button')).toHaveCount(0)
    await expect(p.getByTestId('tools.asset')).toHaveCount(0)
    await expect(p.getByTestId('tools.frame')).toHaveCount(0)
    await expect(f.getByTestId('main-menu.button')).toHaveCount(1)

    // Ctrl+A + Delete on the phone: only the parent's own notes go, on both screens.
    await p.mouse.click(pc.x + 200, pc.y + 150)
    await p.keyboard.press('Escape')
    await p.keyboard.press('Control+a')
    await p.keyboard.press('Delete')
    await expect(notes(p)).toHaveCount(0)
    await expect(notes(f)).toHaveCount(0)
    await expect(frames(p)).toHaveCount(1)
    await expect(cards(p)).toHaveCount(1)
    await expect(frames(f)).toHaveCount(1)
    await expect(cards(f)).toHaveCount(1)
    // nothing was refused: the interface had kept the parent from it
    await expect(p.locator('.canvas-reset')).toHaveCount(0)
    await waitConnected(p)

    // The facilitator locks the frame from the canvas; the parent sees the lock.
    const frameId = await frames(f).first().getAttribute('data-shape-id')
    // a brush around the frame selects it
    await f.keyboard.press('Escape')
    await f.mouse.move(...at(1000, 380))
    await f.mouse.down()
    await f.mouse.move(...at(800, 200), { steps: 4 })
    await f.mouse.move(...at(630, 60), { steps: 4 })
    await f.mouse.up()
    await f.getByRole('button', { name: 'Frame op slot' }).click()
    await expect(p.getByTestId('lock-badge')).toHaveCount(1)
    await expect(f.getByRole('button', { name: 'Frame van slot' })).toBeVisible()
    await p.screenshot({ path: test.info().outputPath('ouder-frame-op-slot.png') })
    await expectAccessible(p)

    // The whole canvas: a banner for the parent, and the API says so.
    await f.getByRole('button', { name: 'Alles op slot' }).click()
    await expect(p.getByTestId('lock-banner')).toBeVisible()
    const state = await f.request.get(`${app.url}/api/v1/sessions/${sessionId}/state`)
    expect((await state.json()).locked).toEqual({ all: true, frames: [frameId] })
    await p.screenshot({ path: test.info().outputPath('ouder-alles-op-slot.png') })
    await f.screenshot({ path: test.info().outputPath('begeleider-slot.png') })
    await expectAccessible(f)

    // The lock API: a parent may not, a non-frame is 400, an unknown frame 404.
    const parentTry = await p.request.post(`${app.url}/api/v1/sessions/${sessionId}/locks`, {
      data: { all: false },
      headers: { Origin: app.url },
    })
    expect(parentTry.status()).toBe(403)
    const bad = await f.request.post(`${app.url}/api/v1/sessions/${sessionId}/locks`, {
      data: { frameId: 'shape:nope' },
      headers: { Origin: app.url },
    })
    expect(bad.status()).toBe(404)
    await f.getByRole('button', { name: 'Alles van slot' }).click()
    await expect(p.getByTestId('lock-banner')).toHaveCount(0)
  })
})
