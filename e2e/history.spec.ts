import { AppProcess, createFacilitatorWithCli } from './support/app-process'
import {
  closeContextsAfterEach,
  expect,
  expectAccessible,
  facilitatorAccount,
  logIn,
  phone,
  test,
} from './support/fixtures'
import { openCanvasAfterJoin } from './support/session'

// Its own server: moments are kept half a second after an edit instead of five minutes.
const app = new AppProcess()
test.beforeAll(async () => {
  await app.start({ COLLAB_HISTORY_INTERVAL_MS: '500' })
})
closeContextsAfterEach()
test.afterAll(async () => {
  await app.dispose()
})

test('a facilitator looks at an earlier canvas and restores it for everyone', async ({ browser, playwright }) => {
  await createFacilitatorWithCli(app, facilitatorAccount)
  const facilitator = await browser.newContext()
  const f = await facilitator.newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Proefsessie met geschiedenis')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await expect(f.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')
  const code = (await f.getByTestId('join-code').textContent())!.trim()
  const sessionUrl = f.url()
  const sessionId = new URL(sessionUrl).pathname.split('/')[2]

  const parent = await browser.newContext(phone)
  const p = await parent.newPage()
  await p.goto(`${app.url}/meedoen/${code}`)
  await p.getByRole('radio', { name: /Ouder/ }).check()
  await p.getByRole('button', { name: 'Meedoen' }).click()
  await openCanvasAfterJoin(p, app)
  await expect(p.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')

  // a rectangle, seen by the parent
  await f.mouse.click(300, 300)
  await f.keyboard.press('r')
  await f.mouse.move(300, 300)
  await f.mouse.down()
  await f.mouse.move(420, 380, { steps: 5 })
  await f.mouse.up()
  await expect(p.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1)

  // the history page lists a moment with that one shape (kept half a second later)
  await f.getByRole('link', { name: 'Geschiedenis' }).click()
  await expect(f.getByRole('heading', { name: 'Geschiedenis van het canvas' })).toBeVisible()
  const withOneShape = f.locator('tbody tr').filter({ has: f.getByRole('cell', { name: '1', exact: true }) })
  await expect(async () => {
    await f.reload()
    await expect(withOneShape.first()).toBeVisible({ timeout: 1000 })
  }).toPass()
  await expect(withOneShape.first()).toContainText('Tijdens het werken')
  await expectAccessible(f)

  // then everything is deleted on the canvas
  await f.goto(sessionUrl)
  await expect(f.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1)
  await f.locator('.tl-canvas').click({ position: { x: 40, y: 40 } })
  await f.keyboard.press('ControlOrMeta+a')
  await f.keyboard.press('Delete')
  await expect(p.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(0)

  // the facilitator looks at the moment: a read-only canvas with the rectangle
  await f.goto(`${app.url}/sessies/${sessionId}/geschiedenis`)
  await withOneShape
    .first()
    .getByRole('link', { name: /^Bekijk het canvas van/ })
    .click()
  await expect(f.getByRole('heading', { name: /^Het canvas om/ })).toBeVisible()
  await expect(f.locator('.moment-preview .tl-shape[data-shape-type="geo"]')).toHaveCount(1)
  await expectAccessible(f, { exclude: ['.moment-preview'] })

  // and restores it, after a confirmation
  await f.getByRole('link', { name: 'Terugzetten', exact: true }).click()
  await expect(f.getByRole('heading', { name: /^Canvas terugzetten naar/ })).toBeVisible()
  await expectAccessible(f, { exclude: ['.moment-preview'] })
  await f.getByRole('button', { name: 'Ja, zet terug' }).click()
  await expect(f.getByRole('status').filter({ hasText: 'Het canvas staat weer zoals het om' })).toBeVisible()
  // everyone has it back, without reloading
  await expect(p.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1)
  // and the empty canvas of just before is a moment of its own
  await expect(f.locator('tbody tr').first()).toContainText('Vlak voor het terugzetten')
  await expect(f.locator('tbody tr').first().getByRole('cell', { name: '0', exact: true })).toBeVisible()

  // the API: the facilitator of the session only
  const own = await f.request.get(`${app.url}/api/v1/sessions/${sessionId}/history`)
  expect(own.status()).toBe(200)
  const { moments } = await own.json()
  expect(moments[0]).toMatchObject({ reason: 'restore', shapeCount: 0 })
  const anonymous = await playwright.request.newContext()
  expect((await anonymous.get(`${app.url}/api/v1/sessions/${sessionId}/history`)).status()).toBe(401)
  expect((await p.request.get(`${app.url}/api/v1/sessions/${sessionId}/history`)).status()).toBe(401)
  const restoreUrl = `${app.url}/api/v1/sessions/${sessionId}/history/${moments[0].id}/restore`
  expect((await p.request.post(restoreUrl, { data: {}, headers: { Origin: app.url } })).status()).toBe(401)
  const undo = await f.request.post(restoreUrl, { data: {}, headers: { Origin: app.url } })
  expect([undo.status(), (await undo.json()).restored]).toEqual([200, moments[0].id])
  await expect(p.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(0)
  // the participant's page has no way in
  await p.goto(`${app.url}/sessies/${sessionId}/geschiedenis`)
  await expect(p).toHaveURL(/\/inloggen/)

  await anonymous.dispose()
  await facilitator.close()
  await parent.close()
})
