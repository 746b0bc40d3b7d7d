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
import { frames, openCanvasAfterJoin, placeTemplate, waitConnected } from './support/session'

const app = startAppForThisFile()
// On failure, what the room server refused, to tell a client's stray write from the server's.
test.afterEach(async () => {
  const info = test.info()
  if (info.status !== info.expectedStatus)
    console.log(
      app
        .logs()
        .split('\n')
        .filter((l) => /refused/.test(l))
        .join('\n'),
    )
})

const notes = (page: Page, text?: string) =>
  text
    ? page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text })
    : page.locator('.tl-shape[data-shape-type="note"]')

/** Every template of every step, in order, as the picker names them. */
const steps = [
  { phase: 'inleven', templates: ['Persona', 'Empathiekaart'] },
  { phase: 'definieren', templates: ['Hoe kunnen wij …?'] },
  { phase: 'ideeen', templates: ['Crazy 8s', 'Ideeënbord'] },
  { phase: 'prototype', templates: ['Prototype'] },
  { phase: 'testen', templates: ['Testen: wat leren we?'] },
]

test('the facilitator places every step template; a parent on a phone adds three ideas into the idea board', async ({
  browser,
}) => {
  // nine frames and two browsers on a shared machine
  test.setTimeout(240_000)
  await createFacilitatorWithCli(app, facilitatorAccount)
  const f = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Samen ontwerpen in Kruiskamp')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const code = (await f.getByTestId('join-code').textContent())!.trim()

  let placed = 0
  for (const step of steps) {
    await f.getByLabel('Stap', { exact: true }).selectOption(step.phase)
    // the picker offers this step's templates
    await expect(f.getByLabel('Sjabloon voor deze stap').locator('option')).toHaveText(step.templates)
    for (const name of step.templates) {
      await placeTemplate(f, name)
      placed++
      await f.screenshot({ path: test.info().outputPath(`template-${placed}-${step.phase}.png`) })
    }
  }
  await expect(frames(f)).toHaveCount(placed)
  await expectAccessible(f)

  // back to Ideeën: the idea board, placed last for that step, is where new notes go
  await f.getByLabel('Stap', { exact: true }).selectOption('ideeen')
  const boardId = await placeTemplate(f, 'Ideeënbord')

  const p = await (await browser.newContext(phone)).newPage()
  await p.goto(`${app.url}/meedoen/${code}`)
  await p.getByRole('radio', { name: /Ouder/ }).check()
  await p.getByRole('button', { name: 'Meedoen' }).click()
  await openCanvasAfterJoin(p, app)
  await waitConnected(p)
  const ideas = ['Inloop voor jonge moeders', 'Taalles op school voor ouders', 'Buurtkamer op woensdag']
  for (const idea of ideas.slice(0, 2)) {
    await p.getByLabel('Jouw idee').fill(idea)
    await p.getByRole('button', { name: 'Toevoegen' }).tap()
    await expect(p.getByRole('status').filter({ hasText: 'Je briefje staat op het canvas.' })).toBeVisible()
    await expect(p.getByLabel('Jouw idee')).toHaveValue('')
  }
  // the third through the API, with the phone's own cookie
  const sessionId = new URL(p.url()).pathname.split('/')[2]
  const viaApi = await p.request.post(`${app.url}/api/v1/sessions/${sessionId}/contributions`, {
    data: { text: ideas[2], source: 'phone' },
    headers: { Origin: app.url },
  })
  expect(viaApi.status()).toBe(201)
  expect(await viaApi.json()).toMatchObject({ private: false })
  await expect(notes(p, ideas[1])).toBeVisible()
  await p.screenshot({ path: test.info().outputPath('phone-after-ideas.png') })
  await expectAccessible(p)

  // on the facilitator's canvas: all three, labelled "Ouder", side by side in a row, none on another
  for (const idea of ideas) await expect(notes(f, idea)).toContainText('Ouder')
  const boxes = await Promise.all(ideas.map(async (idea) => (await notes(f, idea).boundingBox())!))
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1 || a.y + a.height <= b.y + 1 || b.y + b.height <= a.y + 1
      expect(apart).toBe(true)
    }
  }
  expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1)
  // the board placed last (the step's first idea board comes earlier, but not always in the DOM)
  const board = f.locator(`.tl-shape[data-shape-id="${boardId}"]`)
  const boardBox = (await board.boundingBox())!
  for (const b of boxes) {
    expect(b.x).toBeGreaterThan(boardBox.x)
    expect(b.x + b.width).toBeLessThan(boardBox.x + boardBox.width)
  }
  await board.screenshot({ path: test.info().outputPath('idea-board-with-notes.png') })
  // nothing the server wrote made either canvas send something it refuses
  for (const page of [f, p]) await expect(page.getByText('Je laatste wijziging is niet bewaard')).toHaveCount(0)

  // the facilitator keeps the board as her own template and places it again
  // (its heading sits under tldraw's menu after the zoom: the frame is selected by its edge)
  const edge = (await board.boundingBox())!
  await f.mouse.click(edge.x + edge.width - 1, edge.y + edge.height / 2)
  await f.getByRole('button', { name: 'Kader opslaan als sjabloon' }).click()
  await f.getByLabel('Naam van het sjabloon').fill('Ideeën van de ouders')
  await f.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await expect(
    f.getByRole('status').filter({ hasText: 'Sjabloon "Ideeën van de ouders" is opgeslagen.' }),
  ).toBeVisible()
  await placeTemplate(f, 'Ideeën van de ouders', 'Ideeënbord')
  await expect(frames(f)).toHaveCount(placed + 2)
  await f.screenshot({ path: test.info().outputPath('saved-template-placed.png') })
})
