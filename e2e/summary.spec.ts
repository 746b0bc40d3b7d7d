import type { APIRequestContext, Page } from '@playwright/test'
import { createFacilitatorWithCli } from './support/app-process'
import { expect, expectAccessible, facilitatorAccount, logIn, startAppForThisFile, test } from './support/fixtures'

const app = startAppForThisFile()

const api = (request: APIRequestContext, path: string, data: object = {}) =>
  request.post(`${app.url}/api/v1/sessions/${path}`, { data, headers: { Origin: app.url } })

async function newSession(f: Page) {
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Samen sterk in Kruiskamp')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await expect(f.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')
  return {
    sessionId: new URL(f.url()).pathname.split('/')[2],
    code: (await f.getByTestId('join-code').textContent())!.trim(),
  }
}

test('the summary of a short session: who took part, contributions per step and role, votes, timeline, CSV', async ({
  browser,
}) => {
  await createFacilitatorWithCli(app, facilitatorAccount)
  const f = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const { sessionId, code } = await newSession(f)

  // two parents and a professional join through the API, each with their own cookie
  const people = await Promise.all(
    (['ouder', 'ouder', 'professional'] as const).map(async (role) => {
      const context = await browser.newContext()
      const joined = await context.request.post(`${app.url}/api/v1/join`, {
        data: { joinCode: code, role },
        headers: { Origin: app.url },
      })
      expect(joined.status()).toBe(200)
      return context.request
    }),
  )
  const [parentA, parentB, pro] = people
  const add = async (request: APIRequestContext, text: string) => {
    const res = await api(request, `${sessionId}/contributions`, { text, source: 'phone' })
    expect(res.status()).toBe(201)
    return ((await res.json()) as { shapeId: string }).shapeId
  }
  await add(parentA, 'Ik weet niet waar ik hulp vind')
  await add(pro, 'Ouders komen niet naar de ouderavond')
  expect((await api(f.request, `${sessionId}/phase`, { phase: 'ideeen' })).status()).toBe(200)
  const inloop = await add(parentA, 'Inloop op het schoolplein; met koffie')
  const taal = await add(parentB, 'Taalles voor "nieuwe" ouders')
  await add(pro, 'Buurtkamer op woensdag')

  // a vote of 3 each: inloop 4, taal 2
  const started = await api(f.request, `${sessionId}/votes`, { votesPerPerson: 3 })
  expect(started.status()).toBe(201)
  const { voteId } = (await started.json()) as { voteId: string }
  for (const [request, shapes] of [
    [parentA, [inloop, inloop, taal]],
    [parentB, [inloop, taal]],
    [pro, [inloop]],
  ] as const) {
    for (const shapeId of shapes)
      expect((await api(request, `${sessionId}/votes/${voteId}/ballots`, { shapeId })).status()).toBe(201)
  }
  expect((await api(f.request, `${sessionId}/votes/${voteId}/end`)).status()).toBe(200)

  // the session page links to the summary
  await f.getByRole('link', { name: 'Samenvatting' }).click()
  await expect(f.getByRole('heading', { name: 'Samenvatting: Samen sterk in Kruiskamp' })).toBeVisible()

  const peopleTable = f.getByTestId('summary-people')
  await expect(peopleTable.locator('tr[data-role="ouder"] td')).toHaveText('2')
  await expect(peopleTable.locator('tr[data-role="professional"] td')).toHaveText('1')
  await expect(peopleTable.locator('tr[data-role="facilitator"] td')).toHaveText('1')

  const perStep = f.getByTestId('summary-per-step')
  await expect(perStep.locator('tr[data-phase="inleven"] td[data-role="ouder"]')).toHaveText('1')
  await expect(perStep.locator('tr[data-phase="inleven"] td[data-role="professional"]')).toHaveText('1')
  await expect(perStep.locator('tr[data-phase="ideeen"] td[data-role="ouder"]')).toHaveText('2')
  await expect(perStep.locator('tr[data-phase="ideeen"] td[data-total]')).toHaveText('3')
  await expect(f.getByTestId('summary-total')).toHaveText('5')

  const timeline = f.getByTestId('summary-timeline')
  await expect(timeline.locator('tbody tr')).toHaveCount(2)
  await expect(timeline.locator('tbody tr').nth(0)).toContainText('1. Inleven')
  await expect(timeline.locator('tbody tr').nth(1)).toContainText('3. Ideeën')
  await expect(timeline.locator('tbody tr').nth(1)).toContainText('loopt nog')

  const ranked = f.getByTestId('summary-vote').locator('li')
  await expect(ranked.nth(0)).toContainText('Inloop op het schoolplein; met koffie')
  await expect(ranked.nth(0)).toContainText('4 stemmen')
  await expect(ranked.nth(1)).toContainText('Taalles voor "nieuwe" ouders')
  await expect(ranked.nth(1)).toContainText('2 stemmen')
  // no names, no pseudonyms: only roles
  await expect(f.locator('main')).not.toContainText('Ouder 1')

  await expectAccessible(f)
  await f.screenshot({ path: test.info().outputPath('summary-screen.png'), fullPage: true })
  await f.emulateMedia({ media: 'print' })
  await expect(f.locator('.topbar')).toBeHidden()
  await expect(f.getByRole('button', { name: 'Afdrukken' })).toBeHidden()
  await f.screenshot({ path: test.info().outputPath('summary-print.png'), fullPage: true })
  await f.emulateMedia({ media: 'screen' })

  // the CSV downloads, with a BOM, `;` and one row per contribution
  const downloading = f.waitForEvent('download')
  await f.getByTestId('summary-csv').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^samenvatting-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = await (await import('node:fs/promises')).readFile((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n')
  expect(lines[0]).toBe('stap;rol;bron;gemaakt;tekst;stemmen')
  const rows = lines.slice(1).map((line) => line.replace(/;\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};/, ';<tijd>;'))
  expect(rows).toEqual([
    'Inleven;Ouder;telefoon;<tijd>;Ik weet niet waar ik hulp vind;0',
    'Inleven;Professional;telefoon;<tijd>;Ouders komen niet naar de ouderavond;0',
    'Ideeën;Ouder;telefoon;<tijd>;"Inloop op het schoolplein; met koffie";4',
    'Ideeën;Ouder;telefoon;<tijd>;"Taalles voor ""nieuwe"" ouders";2',
    'Ideeën;Professional;telefoon;<tijd>;Buurtkamer op woensdag;0',
  ])
  // ?format=csv is the same file; a participant gets none of it
  const viaQuery = await f.request.get(`${app.url}/sessies/${sessionId}/samenvatting?format=csv`)
  expect(viaQuery.headers()['content-type']).toContain('text/csv')
  expect((await viaQuery.text()).trimEnd().split('\r\n')).toHaveLength(6)
  const refused = await parentA.get(`${app.url}/sessies/${sessionId}/samenvatting.csv`, { maxRedirects: 0 })
  expect(refused.ok()).toBe(false)
})
