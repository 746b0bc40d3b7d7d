import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { PHOTO_FIXTURE } from '../app/photos/test-fixtures'
import { createFacilitatorWithCli } from './support/app-process'
import { expect, expectAccessible, facilitatorAccount, logIn, startAppForThisFile, test } from './support/fixtures'
import { joinAsParent, receivedText, recordFrames, waitConnected } from './support/session'

const app = startAppForThisFile()
/** A small phone, as participants bring them. */
const smallPhone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
const images = (page: Page) => page.locator('.tl-shape[data-shape-type="image"]')

/** Zooms the canvas to everything on it (tldraw's shift+1), so no shape is culled. */
async function zoomToFit(page: Page) {
  await page.keyboard.press('Escape')
  await page.locator('.tl-canvas').hover()
  await page.keyboard.press('Shift+1')
}

/** Whether the image in a shape has been fetched and decoded by the browser. */
const decodedWidth = (page: Page, shapeId: string) =>
  page
    .locator(`.tl-shape[data-shape-id="${shapeId}"] img`)
    .first()
    .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))

/** The tldraw toolbar's picture button on a phone: in the bar, or in its "more" menu. */
async function pictureTool(page: Page) {
  const inBar = page.getByTestId('tools.asset')
  if (await inBar.isVisible()) return inBar
  const more = page.getByTestId('tools.more-button')
  if (await more.isVisible()) await more.tap()
  return page.getByTestId('tools.more.asset')
}

test('photos: the facilitator allows them, a parent’s photo lands beside her idea on the canvas, nobody else can fetch it', async ({
  browser,
}) => {
  await createFacilitatorWithCli(app, facilitatorAccount)
  const f = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  const facilitatorFrames = recordFrames(f)
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Speeltuin aan de Reit')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const code = (await f.getByTestId('join-code').textContent())!.trim()
  const sessionUrl = f.url()
  const sessionId = new URL(sessionUrl).pathname.split('/')[2]

  // The parent is in before photos are allowed: no picture button, and the API refuses.
  const parent = await (await browser.newContext(smallPhone)).newPage()
  const parentFrames = recordFrames(parent)
  await joinAsParent(parent, app, code)
  const api = (path: string) => `${app.url}/api/v1/sessions/${sessionId}/${path}`
  const photo = fs.readFileSync(PHOTO_FIXTURE)
  const sendPhoto = (query: string) =>
    parent.request.post(api(`photos${query}`), {
      data: photo,
      headers: { 'Content-Type': 'image/jpeg', Origin: app.url },
    })
  const early = await sendPhoto('')
  expect(early.status()).toBe(403)
  expect((await early.json()).message).toContain('Foto’s toevoegen staat uit')
  await expect(parent.getByTestId('tools.asset')).toHaveCount(0)
  await expect(await pictureTool(parent)).toHaveCount(0)
  await parent.keyboard.press('Escape')

  // The facilitator turns photos on where she runs the session: its settings page.
  await f.goto(`${sessionUrl}/instellingen`)
  const media = f.getByRole('region', { name: 'Foto’s' })
  await expect(f.getByTestId('settings-media')).toHaveText(/Foto’s staan uit/)
  await media.getByLabel('Deelnemers mogen foto’s toevoegen').check()
  await media.getByRole('button', { name: 'Opslaan' }).click()
  await expect(f.getByRole('status').filter({ hasText: 'Foto’s staan nu aan' })).toBeVisible()
  await expect(f.getByTestId('settings-media')).toHaveText(/Vraag ze geen mensen te fotograferen/)
  await expect(media.getByLabel('Deelnemers mogen foto’s toevoegen')).toBeChecked()
  await f.screenshot({ path: test.info().outputPath('instellingen-fotos-aan.png'), fullPage: true })
  await expectAccessible(f)

  await f.goto(sessionUrl)
  await waitConnected(f)
  await expect(f.getByLabel('Foto’s van deelnemers')).toBeChecked()

  // The parent sends an idea and a photo with it from her phone (her cookie, her context).
  const idea = await parent.request.post(api('contributions'), {
    data: { text: 'Een speeltuin met bankjes', source: 'phone' },
    headers: { Origin: app.url },
  })
  expect(idea.status()).toBe(201)
  const { shapeId: noteId } = (await idea.json()) as { shapeId: string }
  const sent = await sendPhoto(`?note=${encodeURIComponent(noteId)}`)
  expect(sent.status()).toBe(201)
  const placed = (await sent.json()) as { assetId: string; shapeId: string; src: string }

  // On the facilitator's canvas: the picture, decoded, right of the idea and level with it.
  await zoomToFit(f)
  const image = f.locator(`.tl-shape[data-shape-id="${placed.shapeId}"]`)
  const note = f.locator(`.tl-shape[data-shape-id="${noteId}"]`)
  await expect(image).toBeVisible()
  await expect.poll(() => decodedWidth(f, placed.shapeId)).toBe(480)
  const [imageBox, noteBox] = [(await image.boundingBox())!, (await note.boundingBox())!]
  expect(imageBox.x).toBeGreaterThanOrEqual(noteBox.x + noteBox.width - 1)
  expect(Math.abs(imageBox.y - noteBox.y)).toBeLessThan(2)
  await f.screenshot({ path: test.info().outputPath('canvas-foto-bij-idee.png') })
  await expectAccessible(f, { exclude: ['.tl-container'] })

  // A browser that is not in the session gets 404 for the photo, as for any unknown id.
  const outsider = await browser.newContext()
  const probe = await outsider.request.get(`${app.url}${placed.src}`)
  expect(probe.status()).toBe(404)
  expect(
    (await outsider.request.get(`${app.url}/api/v1/sessions/${sessionId}/photos/${'A'.repeat(22)}`)).status(),
  ).toBe(404)
  const served = await parent.request.get(`${app.url}${placed.src}`)
  expect(served.status()).toBe(200)
  expect(served.headers()['content-type']).toBe('image/jpeg')
  expect(Buffer.from(await served.body()).includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false)

  // The parent's own canvas offers pictures now; one she picks is made small in her browser and
  // stored on the server, never written into the document.
  await waitConnected(parent)
  const tool = await pictureTool(parent)
  await expect(tool).toBeVisible()
  const big = await parent.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 2400
    canvas.height = 1800
    const c = canvas.getContext('2d')!
    c.fillStyle = '#e8a33d'
    c.fillRect(0, 0, 2400, 1800)
    c.fillStyle = '#0b5c74'
    c.fillRect(300, 900, 1800, 600)
    return canvas.toDataURL('image/png')
  })
  const chooser = parent.waitForEvent('filechooser')
  await tool.tap()
  await (
    await chooser
  ).setFiles({
    name: 'tekening.png',
    mimeType: 'image/png',
    buffer: Buffer.from(big.slice(big.indexOf(',') + 1), 'base64'),
  })
  await expect(images(f)).toHaveCount(2)
  await zoomToFit(f)
  const second = (await images(f).evaluateAll((els) => els.map((el) => el.getAttribute('data-shape-id')))).find(
    (id) => id !== placed.shapeId,
  )!
  await expect.poll(() => decodedWidth(f, second)).toBe(1600)
  // It starts three notes wide on the canvas, not its 2,400 pixels: it covers no whole frame.
  const secondBox = (await f.locator(`.tl-shape[data-shape-id="${second}"]`).boundingBox())!
  const noteWidth = (await note.boundingBox())!.width
  expect(Math.max(secondBox.width, secondBox.height) / noteWidth).toBeCloseTo(3, 1)
  await expect(images(parent)).toHaveCount(2)
  for (const frames of [facilitatorFrames, parentFrames]) expect(receivedText(frames, 'data:image')).toBe(false)
  await zoomToFit(parent)
  await parent.screenshot({ path: test.info().outputPath('telefoon-fotos.png') })
  await expectAccessible(parent, { exclude: ['.tl-container'] })

  // Off again, from the session bar: new photos are refused, the ones there stay.
  await f.getByLabel('Foto’s van deelnemers').uncheck()
  await expect(f.getByLabel('Foto’s van deelnemers')).not.toBeChecked()
  await expect.poll(async () => (await sendPhoto('')).status()).toBe(403)
  await expect(images(f)).toHaveCount(2)
  await expect(images(parent)).toHaveCount(2)
  await expect(parent.getByTestId('tools.asset')).toHaveCount(0)
  await expect(await pictureTool(parent)).toHaveCount(0)
})
