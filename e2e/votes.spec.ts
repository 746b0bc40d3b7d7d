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
import { openCanvasAfterJoin } from './support/session'

const app = startAppForThisFile()

const waitConnected = (page: Page) =>
  expect(page.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')

/** A note with this text, made with tldraw's note tool at (x, y) of the canvas. */
async function addNote(page: Page, x: number, y: number, text: string) {
  const canvas = (await page.locator('.tl-canvas').boundingBox())!
  await page.keyboard.press('n')
  await page.mouse.click(canvas.x + x, canvas.y + y)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await expect(page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text })).toHaveCount(1)
}

const noteButton = (page: Page, text: string) => page.getByRole('button', { name: `Stem op: ${text}` })
const myDots = (page: Page, text: string) => page.getByRole('button', { name: `Stem terugnemen van: ${text}` })

async function join(page: Page, code: string) {
  await page.goto(`${app.url}/meedoen/${code}`)
  await page.getByRole('radio', { name: /Ouder/ }).check()
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await openCanvasAfterJoin(page, app)
  await waitConnected(page)
}

test('a dot vote with 3 votes each: own dots while it runs, the right counts on the notes after', async ({
  browser,
}) => {
  await createFacilitatorWithCli(app, facilitatorAccount)
  const f = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Ideeën kiezen in Kruiskamp')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const code = (await f.getByTestId('join-code').textContent())!.trim()

  await addNote(f, 200, 120, 'Inloop voor jonge moeders')
  await addNote(f, 480, 120, 'Taalles op school')
  await addNote(f, 760, 120, 'Buurtkamer op woensdag')

  const a = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await join(a, code)
  const b = await (await browser.newContext(phone)).newPage()
  await join(b, code)
  await expect(b.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(3)

  // the facilitator starts a vote on the whole canvas, 3 votes each
  await f.getByLabel('Stemmen per persoon').fill('3')
  await f.getByRole('button', { name: 'Start stemronde' }).click()
  await expect(f.getByTestId('vote-status')).toContainText('3 stemmen per persoon')
  for (const page of [a, b]) await expect(page.getByTestId('votes-left')).toHaveText('Je hebt nog 3 van de 3 stemmen.')

  // parent A: two dots on the first note, one on the second; a fourth is refused
  await noteButton(a, 'Inloop voor jonge moeders').click()
  await expect(myDots(a, 'Inloop voor jonge moeders')).toHaveCount(1)
  await noteButton(a, 'Inloop voor jonge moeders').click()
  await expect(myDots(a, 'Inloop voor jonge moeders')).toHaveCount(2)
  await noteButton(a, 'Taalles op school').click()
  await expect(a.getByTestId('votes-left')).toHaveText('Je hebt nog 0 van de 3 stemmen.')
  await noteButton(a, 'Buurtkamer op woensdag').click()
  await expect(a.getByRole('alert')).toContainText('Je hebt geen stemmen meer')
  // ... takes one back from the first note and puts it on the third
  await myDots(a, 'Inloop voor jonge moeders').first().click()
  await expect(myDots(a, 'Inloop voor jonge moeders')).toHaveCount(1)
  await noteButton(a, 'Buurtkamer op woensdag').click()
  await expect(myDots(a, 'Buurtkamer op woensdag')).toHaveCount(1)

  // parent B on the phone: all three on the second note
  for (let i = 1; i <= 3; i++) {
    await noteButton(b, 'Taalles op school').tap()
    await expect(myDots(b, 'Taalles op school')).toHaveCount(i)
  }
  await expect(b.getByTestId('votes-left')).toHaveText('Je hebt nog 0 van de 3 stemmen.')
  // tapping a note half off screen moved nothing: each button still covers its own note
  const noteBox = await b.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: 'Inloop' }).boundingBox()
  const targetBox = await noteButton(b, 'Inloop voor jonge moeders').boundingBox()
  expect(Math.abs(noteBox!.x - targetBox!.x)).toBeLessThan(4)

  // each sees only their own dots; the facilitator sees how many were placed, not where
  await expect(myDots(b, 'Inloop voor jonge moeders')).toHaveCount(0)
  await expect(myDots(a, 'Taalles op school')).toHaveCount(1)
  await expect(f.getByRole('button', { name: /^Stem terugnemen/ })).toHaveCount(0)
  await expect(f.getByTestId('vote-status')).toContainText('6 stippen gezet')
  await a.screenshot({ path: test.info().outputPath('stemronde-ouder.png') })
  await b.screenshot({ path: test.info().outputPath('stemronde-ouder-telefoon.png') })
  await expectAccessible(a, { exclude: ['.tl-container'] })
  await expectAccessible(b, { exclude: ['.tl-container'] })

  // the end: counts on the notes for everyone, and a ranked list
  await f.getByRole('button', { name: 'Stemronde afsluiten' }).click()
  for (const page of [f, a, b]) {
    const results = page.getByTestId('vote-results').locator('li')
    await expect(results).toHaveCount(3)
    await expect(results.nth(0)).toContainText('Taalles op school')
    await expect(results.nth(0)).toContainText('4 stemmen')
    await expect(results.nth(1)).toContainText('Inloop voor jonge moeders')
    await expect(results.nth(1)).toContainText('1 stem')
    await expect(results.nth(2)).toContainText('Buurtkamer op woensdag')
    // each note's badge: the count of that note in the ranked list
    for (const [i, count] of ['4 stemmen', '1 stem', '1 stem'].entries()) {
      const shapeId = await results.nth(i).getAttribute('data-shape-id')
      await expect(page.locator(`[data-testid="vote-badge"][data-shape-id="${shapeId}"]`)).toHaveText(count)
    }
    await expect(page.getByTestId('vote-badge')).toHaveCount(3)
    await expect(page.getByRole('button', { name: /^Stem (op|terugnemen)/ })).toHaveCount(0)
  }
  await f.screenshot({ path: test.info().outputPath('uitslag-begeleider.png') })
  await b.screenshot({ path: test.info().outputPath('uitslag-ouder-telefoon.png') })
  await expectAccessible(f, { exclude: ['.tl-container'] })

  // the API says the same, and a ballot after the end is refused
  const sessionId = new URL(f.url()).pathname.split('/')[2]
  const votes = await (await f.request.get(`${app.url}/api/v1/sessions/${sessionId}/votes`)).json()
  expect(votes.votes[0].results.map((r: { count: number }) => r.count)).toEqual([4, 1, 1])
  const late = await b.request.post(`${app.url}/api/v1/sessions/${sessionId}/votes/${votes.votes[0].id}/ballots`, {
    data: { shapeId: votes.votes[0].results[0].shapeId },
    headers: { Origin: app.url },
  })
  expect(late.status()).toBe(409)
})
