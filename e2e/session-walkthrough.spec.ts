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
import {
  expectTimersAgree,
  frames,
  inView,
  joinAsParent,
  notesWith,
  placeTemplate,
  receivedText,
  recordFrames,
  shownSeconds,
  waitConnected,
} from './support/session'

const app = startAppForThisFile()
const coAccount = { name: 'Joost Bakker', email: 'joost@wijkteam.nl', password: 'preventie-2026!' }
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

/** The five steps in order, as the toolbar names them, with the templates the picker offers. */
const steps = [
  { phase: 'inleven', label: 'Inleven', templates: ['Persona', 'Empathiekaart'] },
  { phase: 'definieren', label: 'Definiëren', templates: ['Hoe kunnen wij …?'] },
  { phase: 'ideeen', label: 'Ideeën', templates: ['Crazy 8s', 'Ideeënbord'] },
  { phase: 'prototype', label: 'Prototype', templates: ['Prototype'] },
  { phase: 'testen', label: 'Testen', templates: ['Testen: wat leren we?'] },
] as const

const secrets = ['Oppasclub in de bibliotheek', 'Vaders-ochtend op zaterdag']
const coIdea = 'Huiswerkklas in het buurthuis'

/** An idea from the phone's "Jouw idee" field; `done` is the confirmation the phone shows. */
async function addIdeaFromPhone(page: Page, text: string, done: string) {
  await page.getByLabel('Jouw idee').fill(text)
  await page.getByRole('button', { name: 'Toevoegen' }).tap()
  await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible()
  await expect(notesWith(page, text)).toHaveCount(1)
}

test('a whole session with a facilitator, a co-facilitator and a parent on a phone: five steps, timer, private ideas, a vote, summon, Ctrl+A', async ({
  browser,
}) => {
  // three browsers, eight frames and every feature on a shared machine
  test.setTimeout(360_000)
  await createFacilitatorWithCli(app, facilitatorAccount)
  await createFacilitatorWithCli(app, coAccount)

  const f = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Samen opgroeien in Kruiskamp')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const code = (await f.getByTestId('join-code').textContent())!.trim()
  const sessionUrl = f.url()
  const sessionId = new URL(sessionUrl).pathname.split('/')[2]
  const api = (page: Page, path: string, data: unknown = {}) =>
    page.request.post(`${app.url}/api/v1/sessions/${sessionId}${path}`, { data, headers: { Origin: app.url } })

  // The co-facilitator: another account, invited by e-mail.
  expect((await api(f, '/facilitators', { email: coAccount.email })).status()).toBe(201)
  const co = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  const coFrames = recordFrames(co)
  await logIn(co, app, coAccount)
  await co.goto(sessionUrl)
  await waitConnected(co)

  const p = await (await browser.newContext(phone)).newPage()
  await joinAsParent(p, app, code)
  const screens = [f, co, p]

  let placed = 0
  for (const [n, step] of steps.entries()) {
    // The facilitator sets the step in the toolbar and places its templates.
    await f.getByLabel('Stap', { exact: true }).selectOption(step.phase)
    for (const page of screens) await expect(page.getByTestId('phase-label')).toHaveText(step.label)
    await expect(p.getByTestId('phase-instruction')).not.toBeEmpty()
    await expect(f.getByLabel('Sjabloon voor deze stap').locator('option')).toHaveText([...step.templates])
    const frameIds = () => frames(f).evaluateAll((els) => els.map((el) => el.getAttribute('data-shape-id')!))
    const earlier = new Set(await frameIds())
    for (const name of step.templates) {
      await placeTemplate(f, name)
      placed++
      for (const page of screens) await expect(frames(page)).toHaveCount(placed)
    }

    // A timer for this step: every screen shows the same end time.
    const stop = f.getByRole('button', { name: 'Stop', exact: true })
    if (await stop.isVisible()) {
      await stop.click()
      await expect(f.getByRole('form', { name: 'Timer' })).toBeVisible()
    }
    const minutes = n + 2
    await f.getByLabel('Minuten').fill(String(minutes))
    await f.getByRole('form', { name: 'Timer' }).getByRole('button', { name: 'Start' }).click()
    for (const page of screens) {
      await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'running')
      // this step's timer, not the last one's
      await expect.poll(async () => (await shownSeconds(page)).seconds).toBeGreaterThan(minutes * 60 - 60)
    }
    const shown = await expectTimersAgree(f, co, p)
    expect(shown).toBeLessThanOrEqual(minutes * 60)
    if (step.phase === 'inleven') {
      await p.screenshot({ path: test.info().outputPath('walkthrough-phone-inleven.png') })
      await expectAccessible(p, { exclude: ['.tl-container'] })
    }

    if (step.phase === 'ideeen') {
      // Private writing: the parent's ideas reach no other browser until "Laat alles zien".
      await f.getByRole('button', { name: 'Privé schrijven aan' }).click()
      await expect(co.getByText('Privé schrijven staat aan.')).toBeVisible()
      await expect(p.getByTestId('private-banner')).toHaveText(/Alleen jij ziet dit, tot de begeleider alles laat zien/)
      await waitConnected(p)
      for (const text of secrets) await addIdeaFromPhone(p, text, 'Alleen jij ziet het')
      await f.getByRole('button', { name: 'Laat alles zien' }).waitFor()
      for (const page of [f, co]) for (const text of secrets) await expect(notesWith(page, text)).toHaveCount(0)
      for (const text of secrets) expect(receivedText(coFrames, text)).toBe(false)
      await f.getByRole('button', { name: 'Laat alles zien' }).click()
      for (const page of screens) for (const text of secrets) await expect(notesWith(page, text)).toHaveCount(1)
      for (const text of secrets) expect(receivedText(coFrames, text)).toBe(true)
      await expect(p.getByTestId('private-banner')).toHaveCount(0)
      await expect(notesWith(co, secrets[0])).toContainText('Ouder')

      // The co-facilitator adds an idea too, into the idea board.
      const added = await api(co, '/contributions', { text: coIdea })
      expect(added.status()).toBe(201)
      expect(await added.json()).toMatchObject({ private: false })
      for (const page of screens) await expect(notesWith(page, coIdea)).toHaveCount(1)

      // A vote on the idea board, 3 votes each, every person with their own cookies.
      const board = await frames(f).filter({ hasText: 'Ideeënbord' }).last().getAttribute('data-shape-id')
      const started = await api(f, '/votes', { votesPerPerson: 3, frameId: board })
      expect(started.status()).toBe(201)
      const { voteId } = (await started.json()) as { voteId: string }
      await expect(p.getByTestId('votes-left')).toHaveText('Je hebt nog 3 van de 3 stemmen.')
      const id = async (text: string) => (await notesWith(f, text).getAttribute('data-shape-id'))!
      const [a, b, c] = [await id(secrets[0]), await id(secrets[1]), await id(coIdea)]
      const ballots: [Page, string[]][] = [
        [f, [a, a, b]],
        [co, [a, c, c]],
        [p, [a, b, c]],
      ]
      for (const [page, shapeIds] of ballots) {
        for (const shapeId of shapeIds)
          expect((await api(page, `/votes/${voteId}/ballots`, { shapeId })).status()).toBe(201)
        // a fourth is refused
        expect((await api(page, `/votes/${voteId}/ballots`, { shapeId: a })).status()).toBe(409)
      }
      await expect(p.getByTestId('votes-left')).toHaveText('Je hebt nog 0 van de 3 stemmen.')
      await expect(f.getByTestId('vote-status')).toContainText('9 stippen gezet')
      await p.screenshot({ path: test.info().outputPath('walkthrough-phone-vote.png') })
      await f.getByRole('button', { name: 'Stemronde afsluiten' }).click()
      const expected = [
        { shapeId: a, text: secrets[0], count: '4 stemmen' },
        { shapeId: c, text: coIdea, count: '3 stemmen' },
        { shapeId: b, text: secrets[1], count: '2 stemmen' },
      ]
      for (const page of screens) {
        const results = page.getByTestId('vote-results').locator('li')
        await expect(results).toHaveCount(3)
        for (const [i, r] of expected.entries()) {
          await expect(results.nth(i)).toContainText(r.text)
          await expect(results.nth(i)).toContainText(r.count)
          await expect(results.nth(i)).toHaveAttribute('data-shape-id', r.shapeId)
          await expect(page.locator(`[data-testid="vote-badge"][data-shape-id="${r.shapeId}"]`)).toHaveText(r.count)
        }
      }
      await p.screenshot({ path: test.info().outputPath('walkthrough-phone-results.png') })
      await expectAccessible(p, { exclude: ['.tl-container'] })
    }

    if (step.phase === 'prototype') {
      // "Iedereen naar mij": the facilitator's view is at the new frame, far right of where the
      // others look; after the call it is in their view too.
      const far = (await frameIds()).find((id) => !earlier.has(id))!
      await expect.poll(() => inView(f, far)).toBe(true)
      for (const page of [co, p]) expect(await inView(page, far)).toBe(false)
      await f.getByTestId('summon').click()
      await expect(f.getByRole('status').filter({ hasText: 'Iedereen kijkt nu mee' })).toBeVisible()
      for (const page of [co, p]) {
        await expect(page.getByTestId('following-notice')).toContainText('Je kijkt mee met')
        await expect.poll(() => inView(page, far)).toBe(true)
      }
      await p.screenshot({ path: test.info().outputPath('walkthrough-phone-following.png') })
      for (const page of [co, p]) {
        await page.getByRole('button', { name: 'Stoppen' }).click()
        await expect(page.getByTestId('following-notice')).toHaveCount(0)
      }
    }

    if (step.phase === 'testen') {
      // The parent's Ctrl+A + Delete takes only her own notes: the two she adds now and the
      // revealed ones (hers on the main canvas too); the frames, their starter notes and the
      // co-facilitator's idea stay, on every screen.
      const own = ['Werkt goed: de inloop', 'Kan beter: de tijden']
      for (const text of own) await addIdeaFromPhone(p, text, 'Je briefje staat op het canvas.')
      const allNotes = f.locator('.tl-shape[data-shape-type="note"]')
      const before = await allNotes.count()
      const pc = (await p.locator('#inhoud').boundingBox())!
      await p.mouse.click(pc.x + 200, pc.y + 150)
      await p.keyboard.press('Escape')
      await p.keyboard.press('Control+a')
      await p.keyboard.press('Delete')
      for (const page of screens) {
        for (const text of [...own, ...secrets]) await expect(notesWith(page, text)).toHaveCount(0)
        await expect(notesWith(page, coIdea)).toHaveCount(1)
        await expect(frames(page)).toHaveCount(placed)
      }
      await expect(allNotes).toHaveCount(before - own.length - secrets.length)
      // nothing was refused: the interface had kept the parent from it
      await expect(p.locator('.canvas-reset')).toHaveCount(0)
      await p.screenshot({ path: test.info().outputPath('walkthrough-phone-testen.png') })
    }
  }
})
