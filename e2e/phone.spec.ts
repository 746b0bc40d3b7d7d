import type { Browser, Page, Request } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFacilitatorWithCli } from './support/app-process'
import { expect, expectAccessible, facilitatorAccount, logIn, startAppForThisFile, test } from './support/fixtures'
import { frames, notesWith, waitConnected } from './support/session'

const app = startAppForThisFile()
test.beforeAll(async () => {
  await createFacilitatorWithCli(app, facilitatorAccount)
})

/** The phone the issue names: 360 × 740, touch. */
const smallPhone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

/**
 * Strings only tldraw's and Yjs's own code contain (license and version checks, the duplicate
 * import warning): the build's scripts with one of them are the canvas chunks.
 */
const CANVAS_MARKERS = ['tldraw_license', 'Yjs was already imported', 'registerTldrawLibraryVersion', '@tldraw/']
const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), '../build/client/assets')
const canvasChunks = () =>
  new Set(
    fs
      .readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .filter((name) => CANVAS_MARKERS.some((m) => fs.readFileSync(path.join(assets, name), 'utf8').includes(m))),
  )

async function facilitatorWithSession(browser: Browser, title: string) {
  const f = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill(title)
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const code = (await f.getByTestId('join-code').textContent())!.trim()
  const sessionId = new URL(f.url()).pathname.split('/')[2]
  return { f, code, sessionId }
}

/** A parent joins with the code on a phone and ends up on the phone page. */
async function joinOnPhone(browser: Browser, code: string, sessionId: string) {
  const context = await browser.newContext(smallPhone)
  const page = await context.newPage()
  const scripts: Request[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request)
  })
  await page.goto(`${app.url}/meedoen`)
  await page.getByLabel('Code').fill(code.toLowerCase())
  await page.getByRole('button', { name: 'Verder' }).tap()
  await page.getByRole('radio', { name: /Ouder/ }).check()
  await page.getByRole('button', { name: 'Meedoen' }).tap()
  // A phone lands on the phone page, not on the canvas.
  await page.waitForURL(`${app.url}/doe-mee/${sessionId}`)
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live')
  return { page, scripts }
}

async function sendIdea(page: Page, text: string, done = 'Je idee staat op het bord.') {
  await page.getByLabel('Schrijf je idee op').fill(text)
  await page.getByRole('button', { name: 'Plak je idee op het bord' }).tap()
  await expect(page.getByTestId('participant-status')).toHaveText(done)
  await expect(page.getByTestId('own-ideas')).toContainText(text)
}

/** Boxes of the notes with these texts on the facilitator's canvas, and of the frame they are in. */
async function boxes(f: Page, texts: string[]) {
  return Promise.all(texts.map(async (text) => (await notesWith(f, text).boundingBox())!))
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

test('a parent on a phone: joins, sees the step, sends ideas that land apart in the step’s frame, edits, takes back, and loses nothing offline', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const { f, code, sessionId } = await facilitatorWithSession(browser, 'Ouders van De Reit')
  const { page: p, scripts } = await joinOnPhone(browser, code, sessionId)

  // No canvas code reached the phone: none of its scripts is one of the build's tldraw or Yjs chunks.
  const chunks = canvasChunks()
  expect(chunks.size, 'the build has canvas chunks to look for').toBeGreaterThan(0)
  expect(scripts.length).toBeGreaterThan(0)
  for (const script of scripts)
    expect(chunks.has(path.basename(new URL(script.url()).pathname)), script.url()).toBe(false)

  // The step and its question, in plain Dutch.
  await expect(p.getByTestId('phase-label')).toHaveText('Stap 1 van 5: Inleven')
  await expect(p.getByTestId('phase-instruction')).toContainText('Vertel wat je meemaakt')
  await expect(p.getByText('Jij bent Ouder 1')).toBeVisible()
  await expectAccessible(p)
  await p.screenshot({ path: test.info().outputPath('phone-360-start.png'), fullPage: true })

  // Nothing sticks out at 360 px, and every button is a big enough target.
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  for (const button of await p.getByRole('button').all()) {
    const box = (await button.boundingBox())!
    expect(box.height, `${await button.textContent()} height`).toBeGreaterThanOrEqual(44)
    expect(box.width, `${await button.textContent()} width`).toBeGreaterThanOrEqual(44)
  }

  // Twice the browser's font size: the text grows with it and still fits the screen.
  const before = await p.getByTestId('phase-instruction').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  const larger = await p.addStyleTag({ content: 'html { font-size: 200% }' })
  const after = await p.getByTestId('phase-instruction').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(after).toBeCloseTo(before * 2, 0)
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await p.screenshot({ path: test.info().outputPath('phone-360-large-text.png') })
  await larger.evaluate((el) => (el as Element).remove())
  // The on-screen keyboard takes half the screen: the field and its button are still reachable,
  // nothing fixed lies over them.
  await p.setViewportSize({ width: 360, height: 370 })
  await p.getByLabel('Schrijf je idee op').focus()
  const send = p.getByRole('button', { name: 'Plak je idee op het bord' })
  await send.scrollIntoViewIfNeeded()
  await expect(send).toBeInViewport()
  const box = (await send.boundingBox())!
  const onTop = await p.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? '',
    [box.x + box.width / 2, box.y + box.height / 2],
  )
  expect(onTop).toBe('Plak je idee op het bord')
  await p.setViewportSize(smallPhone.viewport)

  // Three ideas: three notes in the step's frame on the facilitator's canvas, apart, labelled "Ouder".
  const ideas = ['Koffie-ochtend bij de school', 'Oppas tijdens de taalles', 'Een buurtmoeder als maatje']
  for (const idea of ideas) await sendIdea(p, idea)
  for (const idea of ideas) {
    await expect(notesWith(f, idea)).toHaveCount(1)
    await expect(notesWith(f, idea)).toContainText('Ouder')
  }
  // Zoom to fit (tldraw's Shift+1), so every shape is on screen to be measured.
  const canvas = (await f.locator('.tl-canvas').boundingBox())!
  await f.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
  await f.keyboard.press('Shift+1')
  await expect(notesWith(f, ideas[2])).toBeInViewport()
  const frame = (await frames(f).first().boundingBox())!
  const placed = await boxes(f, ideas)
  for (const [i, box] of placed.entries()) {
    expect(box.x >= frame.x && box.x + box.width <= frame.x + frame.width + 1, `${ideas[i]} inside the frame`).toBe(
      true,
    )
    for (const other of placed.slice(i + 1)) expect(overlaps(box, other)).toBe(false)
  }
  await expect(p.getByTestId('own-ideas').locator('li')).toHaveCount(3)
  await p.screenshot({ path: test.info().outputPath('phone-360-ideas.png'), fullPage: true })

  // The facilitator moves to the next step: the phone follows.
  await f.getByLabel('Stap', { exact: true }).selectOption('definieren')
  await expect(p.getByTestId('phase-label')).toHaveText('Stap 2 van 5: Definiëren')
  await expect(p.getByTestId('phase-instruction')).toContainText('Hoe kunnen wij')

  // Change one's own idea, and take another back.
  const item = (text: string) => p.getByTestId('own-ideas').locator('li').filter({ hasText: text })
  await item(ideas[1])
    .getByRole('button', { name: /^Aanpassen/ })
    .tap()
  await p.getByLabel('Pas je idee aan').fill('Oppas tijdens de taalles, ook op vrijdag')
  await p.getByRole('button', { name: 'Opslaan' }).tap()
  await expect(p.getByTestId('participant-status')).toHaveText('Je idee is aangepast.')
  await expect(notesWith(f, 'ook op vrijdag')).toHaveCount(1)
  await expect(notesWith(f, 'ook op vrijdag')).toContainText('Ouder')
  await item(ideas[2])
    .getByRole('button', { name: /^Weghalen/ })
    .tap()
  await p.getByRole('button', { name: 'Ja, weghalen' }).tap()
  await expect(p.getByTestId('participant-status')).toHaveText('Je idee is van het bord gehaald.')
  await expect(notesWith(f, ideas[2])).toHaveCount(0)
  await expect(p.getByTestId('own-ideas').locator('li')).toHaveCount(2)

  // Photos, once the facilitator allows them: one beside an idea, gone with the idea.
  const allowed = await f.request.post(`${app.url}/api/v1/sessions/${sessionId}/media`, {
    data: { allowed: true },
    headers: { Origin: app.url },
  })
  expect(allowed.status()).toBe(200)
  const withPhoto = item(ideas[0])
  await expect(withPhoto.getByRole('button', { name: 'Foto toevoegen' })).toBeVisible()
  await expect(withPhoto).toContainText('Maak geen foto van mensen')
  const picture = await p.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 1200
    canvas.height = 900
    const c = canvas.getContext('2d')!
    c.fillStyle = '#7fb069'
    c.fillRect(0, 0, 1200, 900)
    return canvas.toDataURL('image/png')
  })
  const chooser = p.waitForEvent('filechooser')
  await withPhoto.getByRole('button', { name: 'Foto toevoegen' }).tap()
  await (
    await chooser
  ).setFiles({ name: 'tekening.png', mimeType: 'image/png', buffer: Buffer.from(picture.split(',')[1], 'base64') })
  await expect(withPhoto.getByRole('status')).toHaveText('Foto verstuurd')
  const images = f.locator('.tl-shape[data-shape-type="image"]')
  await expect(images).toHaveCount(1)
  await expectAccessible(p)
  await p.screenshot({ path: test.info().outputPath('phone-360-photo.png'), fullPage: true })
  await withPhoto.getByRole('button', { name: /^Weghalen/ }).tap()
  await p.getByRole('button', { name: 'Ja, weghalen' }).tap()
  await expect(notesWith(f, ideas[0])).toHaveCount(0)
  await expect(images).toHaveCount(0)

  // Offline: the idea is kept, the page says so, and it arrives exactly once when the connection is back.
  await p.context().setOffline(true)
  await expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting')
  const offline = 'Spelletjesmiddag in het buurthuis'
  await p.getByLabel('Schrijf je idee op').fill(offline)
  await p.getByRole('button', { name: 'Plak je idee op het bord' }).tap()
  await expect(p.getByTestId('participant-status')).toContainText('We bewaren je idee')
  await expect(p.getByTestId('pending')).toContainText('Nog niet verstuurd (1)')
  await expectAccessible(p)
  await p.screenshot({ path: test.info().outputPath('phone-360-offline.png'), fullPage: true })
  await expect(notesWith(f, offline)).toHaveCount(0)
  await p.context().setOffline(false)
  await expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'live')
  await expect(p.getByTestId('pending')).toHaveCount(0)
  await expect(notesWith(f, offline)).toHaveCount(1)
  await expect(p.getByTestId('own-ideas').locator('li').filter({ hasText: offline })).toHaveCount(1)
  // A reload sends nothing again: the outbox is empty, and the server has the idea once.
  await p.reload()
  await expect(p.locator('[data-ready="true"]')).toBeVisible()
  await expect(p.getByTestId('own-ideas').locator('li').filter({ hasText: offline })).toHaveCount(1)
  const mine = await p.request.get(`${app.url}/api/v1/sessions/${sessionId}/contributions`)
  const listed = ((await mine.json()) as { contributions: { text: string }[] }).contributions
  expect(listed.filter((c) => c.text === offline)).toHaveLength(1)
  await expect(notesWith(f, offline)).toHaveCount(1)
})

test('a vote and private writing on the phone: 2 votes each, the third refused, results as on the canvas; private ideas stay away from others until shown', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const { f, code, sessionId } = await facilitatorWithSession(browser, 'Kiezen in Kruiskamp')
  const { page: p } = await joinOnPhone(browser, code, sessionId)
  // another parent, on a laptop with the canvas
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await other.goto(`${app.url}/meedoen/${code}`)
  await other.getByRole('radio', { name: /Ouder/ }).check()
  await other.getByRole('button', { name: 'Meedoen' }).click()
  // a laptop lands on the canvas
  await other.waitForURL(`${app.url}/sessies/${sessionId}`)
  await waitConnected(other)

  const ideas = ['Voorleesclub op zaterdag', 'Fietsles voor moeders', 'Huiswerkhulp in de bibliotheek']
  for (const idea of ideas) await sendIdea(p, idea)
  for (const idea of ideas) await expect(notesWith(f, idea)).toHaveCount(1)

  // A vote on the whole canvas, 2 votes each.
  await f.getByLabel('Stemmen per persoon').fill('2')
  await f.getByRole('button', { name: 'Start stemronde' }).click()
  const list = p.getByTestId('phone-vote')
  await expect(p.getByTestId('votes-left')).toHaveText('Je hebt nog 2 van de 2 stemmen.')
  for (const idea of ideas) await expect(list.locator('li').filter({ hasText: idea })).toHaveCount(1)
  await expectAccessible(p)
  const choice = (text: string) => list.locator('li').filter({ hasText: text })
  await choice(ideas[1])
    .getByRole('button', { name: /Stem op dit idee/ })
    .tap()
  await expect(p.getByTestId('votes-left')).toHaveText('Je hebt nog 1 van de 2 stemmen.')
  await choice(ideas[1])
    .getByRole('button', { name: /Stem op dit idee/ })
    .tap()
  await expect(p.getByTestId('votes-left')).toHaveText('Je hebt nog 0 van de 2 stemmen.')
  await expect(choice(ideas[1])).toContainText('Jouw stemmen: 2')
  // the third is refused, plainly
  await choice(ideas[0])
    .getByRole('button', { name: /Stem op dit idee/ })
    .tap()
  await expect(p.getByTestId('vote-error')).toContainText('Je hebt geen stemmen meer')
  await p.screenshot({ path: test.info().outputPath('phone-360-vote.png'), fullPage: true })
  // take one back and put it elsewhere
  await choice(ideas[1])
    .getByRole('button', { name: /Stem terugnemen/ })
    .tap()
  await expect(p.getByTestId('votes-left')).toHaveText('Je hebt nog 1 van de 2 stemmen.')
  await choice(ideas[2])
    .getByRole('button', { name: /Stem op dit idee/ })
    .tap()
  await expect(p.getByTestId('votes-left')).toHaveText('Je hebt nog 0 van de 2 stemmen.')
  // the other parent votes too, with their own cookie
  const state = await (await other.request.get(`${app.url}/api/v1/sessions/${sessionId}/state`)).json()
  const shapeId = await choice(ideas[1]).getAttribute('data-shape-id')
  const ballot = await other.request.post(`${app.url}/api/v1/sessions/${sessionId}/votes/${state.vote.id}/ballots`, {
    data: { shapeId },
    headers: { Origin: app.url },
  })
  expect(ballot.status()).toBe(201)
  await expect(other.getByTestId('votes-left')).toHaveText('Je hebt nog 1 van de 2 stemmen.')
  await f.getByRole('button', { name: 'Stemronde afsluiten' }).click()

  // The phone's results match the canvas's: ideas[1] 2 votes, ideas[2] 1.
  const phoneResults = p.getByTestId('phone-results').locator('li')
  await expect(phoneResults).toHaveCount(2)
  const canvasResults = f.getByTestId('vote-results').locator('li')
  await expect(canvasResults).toHaveCount(2)
  for (const [i, [text, count]] of [
    [ideas[1], '2 stemmen'],
    [ideas[2], '1 stem'],
  ].entries()) {
    await expect(phoneResults.nth(i)).toContainText(text)
    await expect(phoneResults.nth(i)).toContainText(count)
    await expect(canvasResults.nth(i)).toContainText(text)
    await expect(canvasResults.nth(i)).toContainText(count)
    expect(await phoneResults.nth(i).getAttribute('data-shape-id')).toBe(
      await canvasResults.nth(i).getAttribute('data-shape-id'),
    )
  }

  // Private writing: the phone says so, its idea stays off the other parent's canvas until shown.
  await f.getByRole('button', { name: 'Privé schrijven aan' }).click()
  await expect(p.getByTestId('private-notice')).toHaveText(
    'Alleen jij ziet je ideeën, tot de begeleider alles laat zien.',
  )
  const secret = 'Een vadergroep bij de voetbalclub'
  await sendIdea(p, secret, 'Je idee staat in je eigen ruimte. Alleen jij ziet het.')
  await expect(p.getByTestId('own-ideas').locator('li').filter({ hasText: secret })).toContainText('alleen voor jou')
  await expectAccessible(p)
  await p.screenshot({ path: test.info().outputPath('phone-360-private.png'), fullPage: true })
  await f.getByRole('button', { name: 'Laat alles zien' }).waitFor()
  // the other parent's canvas: in private mode they see their own room; the main canvas after the reveal
  await expect(notesWith(other, secret)).toHaveCount(0)
  await expect(notesWith(f, secret)).toHaveCount(0)
  await f.getByRole('button', { name: 'Laat alles zien' }).click()
  await expect(notesWith(f, secret)).toHaveCount(1)
  await expect(notesWith(other, secret)).toHaveCount(1)
  await expect(p.getByTestId('private-notice')).toHaveCount(0)
  await expect(p.getByTestId('own-ideas').locator('li').filter({ hasText: secret })).not.toContainText(
    'alleen voor jou',
  )
})

test('before (or without) its script the phone page still takes an idea, once however often the form is sent', async ({
  browser,
}) => {
  const { f, code, sessionId } = await facilitatorWithSession(browser, 'Zonder script')
  const context = await browser.newContext({ ...smallPhone, javaScriptEnabled: false })
  const p = await context.newPage()
  await p.goto(`${app.url}/meedoen/${code}`)
  await p.getByRole('radio', { name: /Ouder/ }).check()
  await p.getByRole('button', { name: 'Meedoen' }).click()
  await p.waitForURL(`${app.url}/doe-mee/${sessionId}`)
  await expect(p.getByTestId('phase-label')).toHaveText('Stap 1 van 5: Inleven')
  // an empty idea: the page says what to do
  await p.getByRole('button', { name: 'Plak je idee op het bord' }).click()
  await expect(p.getByText('Schrijf eerst je idee op.')).toBeVisible()
  await p.getByLabel('Schrijf je idee op').fill('Samen koken op vrijdag')
  // the same form sent twice (a double tap, a resend): one note
  const key = await p.locator('input[name="clientKey"]').inputValue()
  const again = await p.request.post(`${app.url}/doe-mee/${sessionId}`, {
    form: { text: 'Samen koken op vrijdag', clientKey: key },
    headers: { Origin: app.url },
    maxRedirects: 0,
  })
  expect(again.status()).toBe(302)
  await p.getByRole('button', { name: 'Plak je idee op het bord' }).click()
  await expect(p.getByTestId('participant-status')).toHaveText('Je idee staat op het bord.')
  await expect(p.getByTestId('own-ideas')).toContainText('Samen koken op vrijdag')
  await expect(notesWith(f, 'Samen koken op vrijdag')).toHaveCount(1)
  // (axe needs script in the page: the page itself is checked with script in the tests above)
})
