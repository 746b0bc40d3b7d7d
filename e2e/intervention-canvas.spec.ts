import type { Request } from '@playwright/test'
import { createFacilitatorWithCli } from './support/app-process'
import { expect, expectAccessible, facilitatorAccount, logIn, startAppForThisFile, test } from './support/fixtures'
import { placeTemplate, waitConnected } from './support/session'

const app = startAppForThisFile()

/**
 * The canvas's side of issue 10's versions: what the browser asks the intervention API and how it
 * shows the answers. The API is answered here (page.route), so this spec checks the browser's
 * part, with real tldraw images and content, on its own.
 */
test('a facilitator starts an intervention from a frame and saves it as a version, with the images made in the browser', async ({
  browser,
}) => {
  test.setTimeout(150_000)
  await createFacilitatorWithCli(app, facilitatorAccount)
  const f = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Prototype in Kruiskamp')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const sessionId = new URL(f.url()).pathname.split('/')[2]

  const sent: { path: string; body: Record<string, unknown> }[] = []
  let versionAnswers = [
    {
      status: 400,
      body: { message: 'Controleer de invoer: niet alle velden kloppen.', errors: { reason: 'Te kort.' } },
    },
    { status: 201, body: { number: 1 } },
  ]
  const answer = (request: Request) => {
    sent.push({ path: new URL(request.url()).pathname, body: request.postDataJSON() as Record<string, unknown> })
  }
  await f.route('**/api/v1/interventions', async (route) => {
    answer(route.request())
    await route.fulfill({ status: 201, json: { id: 'iv-1' } })
  })
  await f.route('**/api/v1/interventions/iv-1/versions', async (route) => {
    answer(route.request())
    const [next, ...rest] = versionAnswers
    versionAnswers = rest
    await route.fulfill({ status: next.status, json: next.body })
  })

  await f.getByLabel('Stap', { exact: true }).selectOption('prototype')
  const frameId = await placeTemplate(f, 'Prototype')
  const tools = f.getByRole('group', { name: 'Interventie van het gekozen kader' })
  await expect(tools).toHaveCount(0)
  const frame = f.locator(`.tl-shape[data-shape-id="${frameId}"]`)
  const edge = (await frame.boundingBox())!
  await f.mouse.click(edge.x + edge.width - 1, edge.y + edge.height / 2)

  // Start: the template's own name is no title; the question is started for her.
  await tools.getByRole('button', { name: 'Start interventie' }).click()
  const start = f.getByRole('dialog', { name: 'Interventie starten' })
  await expect(start).toBeVisible()
  await expect(start.getByLabel('Titel')).toBeFocused()
  await expect(start.getByLabel('Titel')).toHaveValue('')
  await expect(start.getByLabel('Hoe kunnen wij …?')).toHaveValue('Hoe kunnen wij ')
  await expectAccessible(f)
  // Escape closes it and gives focus back.
  await f.keyboard.press('Escape')
  await expect(start).toHaveCount(0)
  await expect(tools.getByRole('button', { name: 'Start interventie' })).toBeFocused()
  await expect(frame).toBeVisible()

  await f.keyboard.press('Enter')
  await expect(start.getByLabel('Titel')).toBeFocused()
  await start.getByRole('button', { name: 'Start interventie' }).click()
  await expect(start.getByText('Geef de interventie een titel.')).toBeVisible()
  await expect(start.getByLabel('Titel')).toBeFocused()
  await expect(start.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true')
  expect(sent).toHaveLength(0)
  await f.keyboard.type('Ouderkamer op school')
  await start.getByLabel('Hoe kunnen wij …?').press('End')
  await f.keyboard.type('ouders eerder bereiken?')
  await start.getByRole('button', { name: 'Start interventie' }).click()
  await expect(start).toHaveCount(0)
  await expect(tools.getByRole('status')).toContainText('De interventie is gestart.')
  await expect(tools.getByRole('link', { name: 'Open interventie' })).toHaveAttribute('href', '/interventies/iv-1')
  expect(sent[0]).toEqual({
    path: '/api/v1/interventions',
    body: {
      title: 'Ouderkamer op school',
      question: 'Hoe kunnen wij ouders eerder bereiken?',
      wijkCodes: [],
      sessionId,
      frameId,
    },
  })

  // Save: the reason is required here before anything is sent.
  await expect(tools.getByRole('button', { name: 'Bewaar als versie' })).toBeFocused()
  await tools.getByRole('button', { name: 'Bewaar als versie' }).click()
  const save = f.getByRole('dialog', { name: 'Bewaar als versie' })
  const reason = save.getByLabel('Wat is er veranderd en waarom?')
  await expect(reason).toBeFocused()
  await save.getByRole('button', { name: 'Bewaar versie' }).click()
  await expect(save.getByText('Schrijf op wat er veranderd is en waarom.')).toBeVisible()
  expect(sent).toHaveLength(1)
  await expectAccessible(f)

  // The server's refusal stays in the dialog, beside its field.
  await reason.fill('Eerste')
  await save.getByLabel('Naam van de versie (mag leeg)').fill('Start')
  await save.getByRole('button', { name: 'Bewaar versie' }).click()
  await expect(save.getByText('Te kort.')).toBeVisible()
  await expect(reason).toBeFocused()
  await f.screenshot({ path: test.info().outputPath('save-refused.png') })

  await reason.fill('Eerste versie: de ouderkamer op vrijdagochtend, met koffie en een tolk.')
  await save.getByRole('button', { name: 'Bewaar versie' }).click()
  await expect(save).toHaveCount(0)
  await expect(tools.getByRole('status')).toContainText('Versie 1 bewaard')
  await expect(tools.getByRole('status').getByRole('link', { name: 'Open interventie' })).toHaveAttribute(
    'href',
    '/interventies/iv-1',
  )

  const version = sent[2]
  expect(version.path).toBe('/api/v1/interventions/iv-1/versions')
  expect(version.body).toMatchObject({
    sessionId,
    frameId,
    reason: 'Eerste versie: de ouderkamer op vrijdagochtend, met koffie en een tolk.',
    name: 'Start',
  })
  expect(String(version.body.svg)).toMatch(/^<svg[\s>]/)
  const png = Buffer.from(String(version.body.png), 'base64')
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  const content = version.body.content as {
    schema: unknown
    shapes: { id: string; type: string }[]
    rootShapeIds: string[]
  }
  expect(content.rootShapeIds).toEqual([frameId])
  expect(content.shapes.find((s) => s.id === frameId)).toMatchObject({ type: 'frame' })
  expect(content.shapes.length).toBeGreaterThan(1)
  expect(content.schema).toMatchObject({ schemaVersion: 2 })
})
