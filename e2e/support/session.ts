import type { Page } from '@playwright/test'
import type { AppProcess } from './app-process'
import { expect } from './fixtures'

/** Helpers that more than one session spec needs: connecting, joining, reading screens. */

export const waitConnected = (page: Page) =>
  expect(page.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')

export const frames = (page: Page) => page.locator('.tl-shape[data-shape-type="frame"]')

export const notesWith = (page: Page, text: string) =>
  page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text })

/**
 * After joining, a participant on a phone-sized screen lands on the phone page (/doe-mee/<id>),
 * one on a laptop on the canvas. Specs about the canvas on a phone open it from the phone page's
 * address, as a participant may; on a laptop nothing needs doing.
 */
export async function openCanvasAfterJoin(page: Page, app: AppProcess) {
  const landed = /\/(doe-mee|sessies)\/([^/?#]+)$/
  await page.waitForURL((url) => landed.test(url.pathname))
  const [, where, id] = landed.exec(new URL(page.url()).pathname)!
  if (where === 'doe-mee') await page.goto(`${app.url}/sessies/${id}`)
}

/** A parent joins with the code, the way the join link on the projector brings them, and opens the canvas. */
export async function joinAsParent(page: Page, app: AppProcess, code: string) {
  await page.goto(`${app.url}/meedoen/${code}`)
  await page.getByRole('radio', { name: /Ouder/ }).check()
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await openCanvasAfterJoin(page, app)
  await waitConnected(page)
}

/** Everything a page received over its websockets (the collab frames), to search for bytes. */
export function recordFrames(page: Page): Buffer[] {
  const received: Buffer[] = []
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      received.push(typeof payload === 'string' ? Buffer.from(payload) : payload)
    }),
  )
  return received
}

export const receivedText = (received: Buffer[], text: string) =>
  received.some((frame) => frame.includes(Buffer.from(text)))

/** Whether the shape's element lies (partly) within the visible canvas: culled shapes have no box. */
export async function inView(page: Page, shapeId: string): Promise<boolean> {
  const canvas = await page.locator('.tl-canvas').boundingBox()
  const shape = await page.locator(`.tl-shape[data-shape-id="${shapeId}"]`).boundingBox()
  if (!canvas || !shape || shape.width === 0) return false
  return (
    shape.x < canvas.x + canvas.width &&
    shape.x + shape.width > canvas.x &&
    shape.y < canvas.y + canvas.height &&
    shape.y + shape.height > canvas.y
  )
}

/**
 * Scrolls a page's canvas sideways (wheel over the canvas, so not over a toolbar the pointer was
 * last on) until the shape is in view; fails after `steps` scrolls instead of looping.
 */
export async function panUntilInView(page: Page, shapeId: string, dx: number, steps = 30): Promise<void> {
  for (let i = 0; i < steps; i++) {
    if (await inView(page, shapeId)) return
    const canvas = (await page.locator('.tl-canvas').boundingBox())!
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
    await page.mouse.wheel(dx, 0)
  }
  expect(await inView(page, shapeId), `${shapeId} in view after ${steps} scrolls`).toBe(true)
}

/** The seconds a page shows on its timer ("4:59" → 299), and this machine's clock when it was read. */
export async function shownSeconds(page: Page): Promise<{ seconds: number; at: number }> {
  const read = await timerReading(page)
  return { seconds: read.seconds, at: read.at }
}

async function timerReading(page: Page) {
  return page
    .getByTestId('timer')
    .first()
    .evaluate((el) => {
      const [minutes, seconds] = el
        .querySelector('[data-testid="timer-digits"]')!
        .textContent!.trim()
        .split(':')
        .map(Number)
      const endsAt = el.getAttribute('data-ends-at')
      return {
        seconds: minutes * 60 + seconds,
        at: Date.now(),
        endsAt,
        offsetMs: Number(el.getAttribute('data-offset-ms')),
      }
    })
}

/**
 * Screens agree on the timer: each counts down to the very same server end time, each has
 * measured its offset to the server's clock (all on this machine, so close to zero), and what
 * each shows is that end time seen from its clock. The shown digits get slack for a tick a busy
 * machine paints late; agreement itself is checked on the values, not on two clocks read at once.
 * Returns the seconds the first screen showed.
 */
export async function expectTimersAgree(...pages: Page[]) {
  const readings = await Promise.all(pages.map(timerReading))
  const endsAt = readings[0].endsAt
  expect(endsAt, 'a running timer has an end time').toBeTruthy()
  for (const reading of readings) {
    expect(reading.endsAt, 'every screen counts down to the same end').toBe(endsAt)
    expect(Math.abs(reading.offsetMs), 'offset to the server clock on one machine').toBeLessThan(1000)
    const expected = (Date.parse(endsAt!) - (reading.at + reading.offsetMs)) / 1000
    expect(
      Math.abs(reading.seconds - expected),
      `shown ${reading.seconds} s, due ${expected.toFixed(2)} s`,
    ).toBeLessThanOrEqual(2.5)
  }
  return readings[0].seconds
}

/** Places a template through the facilitator's picker for the current step. */
export async function placeTemplate(page: Page, name: string, frameName = name): Promise<string> {
  const ids = () =>
    frames(page)
      .filter({ hasText: frameName })
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-shape-id') ?? ''))
  const before = new Set(await ids())
  await page.getByLabel('Sjabloon voor deze stap').selectOption({ label: name })
  await page.getByRole('button', { name: 'Zet op het canvas' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Het kader staat op het canvas.' })).toBeVisible()
  // The facilitator's canvas zooms to the new frame once it has come back through the room; an
  // earlier frame of the same template may be anywhere in the page's DOM order.
  let placed = ''
  await expect
    .poll(async () => (placed = (await ids()).find((id) => !before.has(id)) ?? ''), { message: `a new ${frameName}` })
    .not.toBe('')
  await expect(page.locator(`.tl-shape[data-shape-id="${placed}"]`)).toBeVisible()
  return placed
}
