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
import { inView, joinAsParent, panUntilInView, waitConnected } from './support/session'

const app = startAppForThisFile()
// Per worker: a worker that starts again after a failure has a new app with an empty database.
test.beforeAll(async () => {
  await createFacilitatorWithCli(app, facilitatorAccount)
})

test('"Iedereen naar mij" brings both parents to the facilitator\'s view; panning stops following', async ({
  browser,
}) => {
  const f = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Meekijken in Kruiskamp')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const code = (await f.getByTestId('join-code').textContent())!.trim()
  const sessionId = new URL(f.url()).pathname.split('/')[2]

  // three frames side by side: the third lies far to the right of where everyone starts
  const frames: string[] = []
  for (const template of ['persona', 'empathy-map', 'how-might-we']) {
    const res = await f.request.post(`${app.url}/api/v1/sessions/${sessionId}/frames`, {
      data: { template },
      headers: { Origin: app.url },
    })
    expect(res.status()).toBe(201)
    frames.push(((await res.json()) as { frameId: string }).frameId)
  }
  const far = frames[2]

  const a = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await joinAsParent(a, app, code)
  const b = await (await browser.newContext(phone)).newPage()
  await joinAsParent(b, app, code)
  await expect(a.locator(`.tl-shape[data-shape-id="${frames[0]}"]`)).toBeAttached()
  for (const page of [a, b]) expect(await inView(page, far)).toBe(false)

  // the facilitator goes to the far frame (tldraw: zoom to the selection) and calls everyone
  await panUntilInView(f, far, 1500)
  await f.getByTestId('summon').click()
  await expect(f.getByRole('status').filter({ hasText: 'Iedereen kijkt nu mee' })).toBeVisible()

  for (const page of [a, b]) {
    await expect(page.getByTestId('following-notice')).toContainText('Je kijkt mee met')
    await expect.poll(() => inView(page, far)).toBe(true)
  }
  await a.screenshot({ path: test.info().outputPath('parent-following.png') })
  await b.screenshot({ path: test.info().outputPath('phone-following.png') })
  await expectAccessible(b)

  // parent A pans: following stops there, parent B still follows
  const aCanvas = (await a.locator('.tl-canvas').boundingBox())!
  await a.mouse.move(aCanvas.x + aCanvas.width / 2, aCanvas.y + aCanvas.height / 2)
  await a.mouse.wheel(0, 400)
  await expect(a.getByTestId('following-notice')).toHaveCount(0)
  await expect(b.getByTestId('following-notice')).toBeVisible()
  // and the facilitator moving on takes only B along
  await panUntilInView(f, frames[0], -1500)
  await expect.poll(() => inView(b, frames[0])).toBe(true)
  await expect.poll(() => inView(a, frames[0])).toBe(false)

  // B stops with the button
  await b.getByRole('button', { name: 'Stoppen' }).tap()
  await expect(b.getByTestId('following-notice')).toHaveCount(0)

  // only a facilitator may summon
  const refused = await a.request.post(`${app.url}/api/v1/sessions/${sessionId}/summon`, {
    data: {},
    headers: { Origin: app.url },
  })
  expect(refused.status()).toBe(403)
})

test("the projector follows the facilitator, or shows the current step's frame", async ({ browser }) => {
  const f = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Scherm in Kruiskamp')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const sessionId = new URL(f.url()).pathname.split('/')[2]
  const place = async (template: string) => {
    const res = await f.request.post(`${app.url}/api/v1/sessions/${sessionId}/frames`, {
      data: { template },
      headers: { Origin: app.url },
    })
    expect(res.status()).toBe(201)
    return ((await res.json()) as { frameId: string }).frameId
  }
  const first = await place('persona')
  await place('empathy-map')
  const third = await place('how-might-we')
  const projector = await (
    await f
      .context()
      .browser()!
      .newContext({ viewport: { width: 1280, height: 720 } })
  ).newPage()
  // the same login in a second window, as a facilitator opens the projector
  await logIn(projector, app)
  await projector.goto(`${app.url}/sessies/${sessionId}/scherm`)
  await waitConnected(projector)
  await expect(projector.getByRole('radio', { name: 'Volg de begeleider' })).toBeChecked()

  // following: the facilitator scrolls to the third frame and the projector comes along
  await panUntilInView(f, third, 1500)
  await expect.poll(() => inView(projector, third)).toBe(true)

  // the facilitator goes back to the first frame, and so does the projector
  await panUntilInView(f, first, -1500)
  await expect.poll(() => inView(projector, third)).toBe(false)
  // showing the step: the frame placed last for the current step, wherever the facilitator is
  await projector.getByRole('radio', { name: 'Toon de stap' }).check()
  await expect.poll(() => inView(projector, third)).toBe(true)
  await projector.screenshot({ path: test.info().outputPath('projector-step.png') })
  await expectAccessible(projector)
})
