import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
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
import { frames, notesWith, placeTemplate, waitConnected } from './support/session'

const app = startAppForThisFile()
const teamMember = { name: 'Jan Bakker', email: 'jan@consultatiebureau.nl', password: 'samen-sterk-2026!' }

/** Selects a frame by its right edge (its heading may sit under tldraw's menus after a zoom). */
async function selectFrame(page: Page, frameId: string) {
  await page.keyboard.press('Escape')
  const box = (await page.locator(`.tl-shape[data-shape-id="${frameId}"]`).boundingBox())!
  await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2)
}

/** Replaces the text of a note on the canvas the way a person does: double-click, select all, type. */
async function retypeNote(page: Page, from: string, to: string) {
  const note = notesWith(page, from)
  await note.dblclick()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(to)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await expect(notesWith(page, to)).toHaveCount(1)
}

async function saveVersion(page: Page, frameId: string, reason: string, expected: number) {
  await selectFrame(page, frameId)
  await page.getByRole('button', { name: 'Bewaar als versie' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Wat is er veranderd en waarom?').fill(reason)
  await dialog.getByRole('button', { name: 'Bewaar versie' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Versie ${expected} bewaard` })).toBeVisible()
}

test('an intervention from a prototype frame: targets from the wijk data, two versions, compare, restore, measurements, timeline and report', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  await createFacilitatorWithCli(app, facilitatorAccount)
  await createFacilitatorWithCli(app, teamMember)
  const owner = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const f = await owner.newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Samen opgroeien in de Binnenstad')
  await f.getByLabel('Wijkcode (mag leeg)').fill('WK079601')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await waitConnected(f)
  const sessionId = new URL(f.url()).pathname.split('/')[2]

  // a prototype frame with a note in it (a note sent in the prototype step lands in that step's frame)
  await f.getByLabel('Stap', { exact: true }).selectOption('prototype')
  const frameId = await placeTemplate(f, 'Prototype')
  const added = await f.request.post(`${app.url}/api/v1/sessions/${sessionId}/contributions`, {
    data: { text: 'Inloop op woensdagochtend' },
    headers: { Origin: app.url },
  })
  expect(added.status()).toBe(201)
  await expect(notesWith(f, 'Inloop op woensdagochtend')).toHaveCount(1)

  // "Start interventie" on the selected frame
  await selectFrame(f, frameId)
  await f.getByRole('button', { name: 'Start interventie' }).click()
  const start = f.getByRole('dialog')
  await start.getByLabel('Titel').fill('Koffie-inloop voor jonge ouders')
  await start.getByLabel('Hoe kunnen wij …?').fill('Hoe kunnen wij jonge ouders eerder bereiken?')
  await start.getByRole('button', { name: 'Start interventie' }).click()
  await expect(f.getByRole('status').filter({ hasText: 'De interventie is gestart.' })).toBeVisible()
  const href = await f.getByRole('status').getByRole('link', { name: 'Open interventie' }).getAttribute('href')
  const interventionId = href!.split('/').pop()!
  const base = `${app.url}/interventies/${interventionId}`

  // targets: youth care per 1,000 from the wijk profile (wijk level), and reach by hand
  const iv = await owner.newPage()
  await iv.goto(base)
  await expect(iv.getByRole('heading', { name: 'Koffie-inloop voor jonge ouders', level: 1 })).toBeVisible()

  // the details: for whom, the risk factors it addresses, the recognised intervention it builds on
  await iv.locator('summary', { hasText: 'Gegevens aanpassen' }).click()
  await iv.getByLabel('Voor wie (mag leeg)').fill('Ouders van kinderen tot 2 jaar')
  await iv.getByRole('checkbox', { name: 'Jongeren met jeugdzorg' }).check()
  await iv.getByLabel('Naam van de erkende interventie').fill('VoorZorg')
  await iv.getByLabel('Erkenning in de NJi Databank').selectOption('effectief-eerste')
  await iv.getByRole('button', { name: 'Gegevens bewaren' }).click()
  await expect(iv.getByRole('status').filter({ hasText: 'De gegevens zijn bewaard.' })).toBeVisible()
  await expect(iv.getByTestId('iv-reference')).toContainText('VoorZorg')
  await expect(iv.getByTestId('iv-reference')).toContainText('NJi Databank')
  await expect(iv.locator('.iv-columns')).toContainText('Ouders van kinderen tot 2 jaar')
  await expect(iv.locator('.iv-columns')).toContainText('Jongeren met jeugdzorg')

  const addTarget = async (metric: string, fill: () => Promise<void>) => {
    await iv.locator('summary', { hasText: 'Doel toevoegen' }).click()
    await iv.getByLabel('Welk cijfer?').selectOption({ label: metric })
    await fill()
    await iv.getByRole('button', { name: 'Doel toevoegen' }).click()
    await expect(iv.getByRole('status').filter({ hasText: 'Het doel is toegevoegd.' })).toBeVisible()
  }
  await addTarget('Jongeren met jeugdzorg (per 1.000 inwoners van 0–25 jaar)', async () => {
    await iv.getByLabel('Wat is beter?').selectOption({ label: 'Lager is beter' })
    await iv.getByRole('radio', { name: 'Uit de wijkcijfers' }).check()
    await iv.getByLabel('Doel: welke waarde?').fill('30')
    await iv.getByLabel('Doel: wanneer?').fill('2028-12-31')
  })
  // a target on the wrong side of the baseline is refused with a message at its field
  await iv.locator('summary', { hasText: 'Doel toevoegen' }).click()
  await iv
    .getByLabel('Welk cijfer?')
    .selectOption({ label: 'Jongeren met jeugdzorg (per 1.000 inwoners van 0–25 jaar)' })
  await iv.getByLabel('Wat is beter?').selectOption({ label: 'Lager is beter' })
  await iv.getByLabel('Doel: welke waarde?').fill('40')
  await iv.getByLabel('Doel: wanneer?').fill('2028-12-31')
  await iv.getByRole('button', { name: 'Doel toevoegen' }).click()
  await expect(iv.getByText('Lager is hier beter: kies een doel dat lager is dan de nulmeting.')).toBeVisible()
  await iv.goto(base)
  const targets = iv.getByTestId('iv-target')
  await expect(targets).toHaveCount(1)
  const youthCare = targets.first()
  // the bundled CBS figure of the Binnenstad (85990NED, 2024): 35,5 per 1.000
  await expect(youthCare.getByTestId('iv-baseline')).toContainText('35,5 per 1.000 inwoners van 0–25 jaar')
  await expect(youthCare.getByTestId('iv-baseline')).toContainText('Bron: CBS 85990NED')
  await expect(youthCare.getByTestId('iv-baseline')).not.toContainText('hele gemeente')

  await addTarget('Bereikte gezinnen (gezinnen)', async () => {
    await iv.getByLabel('Wat is beter?').selectOption({ label: 'Hoger is beter' })
    await iv.getByRole('radio', { name: 'Zelf invullen' }).check()
    await iv.getByLabel('Beginwaarde als getal').fill('0')
    await iv.getByLabel('Bron van de beginwaarde').fill('Aanmeldingen bij de inloop, 2025')
    await iv.getByLabel('Doel: welke waarde?').fill('40')
    await iv.getByLabel('Doel: wanneer?').fill('2027-06-30')
  })
  await expect(targets).toHaveCount(2)
  await expect(targets.nth(1).getByTestId('iv-baseline')).toContainText('Aanmeldingen bij de inloop, 2025')

  // out-of-home placements from the gemeente's figures at the start of 2023: the later half-years
  // of the same CBS cells are offered as measurements, and one is added with a click
  await addTarget('Jeugdhulp met verblijf (uithuisplaatsing) (per 1.000 jongeren tot 18 jaar)', async () => {
    await iv.getByLabel('Wat is beter?').selectOption({ label: 'Lager is beter' })
    await iv.getByRole('radio', { name: 'Uit de wijkcijfers' }).check()
    await iv.getByLabel('Periode van het beginpunt').selectOption({ label: '1e halfjaar 2023' })
    await iv.getByLabel('Doel: welke waarde?').fill('7')
    await iv.getByLabel('Doel: wanneer?').fill('2028-12-31')
  })
  await expect(targets).toHaveCount(3)
  const placements = targets.nth(2)
  await expect(placements.getByTestId('iv-baseline')).toContainText('hele gemeente')
  await expect(placements.getByTestId('iv-baseline')).toContainText('85098NED')
  const offered = placements.getByTestId('iv-offered')
  await expect(offered.getByRole('listitem')).toHaveCount(2)
  await expect(offered).toContainText('2e halfjaar 2023')
  await offered.getByRole('button', { name: /2e halfjaar 2023/ }).click()
  await expect(iv.getByRole('status').filter({ hasText: 'De meting is bewaard.' })).toBeVisible()
  await expect(placements.getByTestId('iv-measurement')).toHaveCount(1)
  await expect(placements.getByTestId('iv-offered').getByRole('listitem')).toHaveCount(1)

  // v1, then the note changes on the canvas, then v2 with a reason
  await saveVersion(f, frameId, 'Eerste opzet uit de werksessie', 1)
  await retypeNote(f, 'Inloop op woensdagochtend', 'Inloop op vrijdagmiddag met het consultatiebureau')
  await saveVersion(f, frameId, 'Ouders werken op woensdag; vrijdag past beter', 2)

  // compare v1 and v2: images, reasons and the note's text before and after
  await iv.goto(base)
  await expect(iv.getByTestId('iv-version')).toHaveCount(2)
  await iv.getByRole('link', { name: 'Vergelijk v2 met de vorige versie' }).click()
  await expect(iv.getByRole('heading', { name: 'v1 en v2 vergeleken' })).toBeVisible()
  const changed = iv.getByTestId('cmp-changed')
  await expect(changed.locator('del')).toContainText('Inloop op woensdagochtend')
  await expect(changed.locator('ins')).toContainText('Inloop op vrijdagmiddag met het consultatiebureau')
  await expect(iv.getByTestId('cmp-reason').nth(1)).toContainText('vrijdag past beter')
  for (const n of [1, 2]) {
    const image = iv.getByTestId(`cmp-image-${n}`).locator('img')
    await expect(image).toHaveJSProperty('complete', true)
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  }
  await iv.getByLabel('Schuif van v1 naar v2').fill('80')
  await expect(iv.getByTestId('cmp-overlay')).toHaveAttribute('style', /--top-opacity:\s*0\.8/)
  await expectAccessible(iv)
  await iv.screenshot({ path: test.info().outputPath('compare.png'), fullPage: true })

  // restore v1 as a new frame: the canvas gets a frame with the old text, the current one stays
  const framesBefore = await frames(f).count()
  await iv.goto(base)
  const v1 = iv.locator('[data-testid="iv-version"][data-number="1"]')
  await v1.getByLabel('Zet v1 terug op het canvas van').selectOption({ label: 'Samen opgroeien in de Binnenstad' })
  await v1.getByRole('button', { name: 'Zet terug op canvas' }).click()
  await expect(iv.getByRole('status').filter({ hasText: 'v1 staat als nieuw kader op het canvas' })).toBeVisible()
  await expect(frames(f)).toHaveCount(framesBefore + 1)
  await expect(notesWith(f, 'Inloop op woensdagochtend')).toHaveCount(1)
  await expect(notesWith(f, 'Inloop op vrijdagmiddag met het consultatiebureau')).toHaveCount(1)
  await expect(f.locator(`.tl-shape[data-shape-id="${frameId}"]`)).toHaveCount(1)

  // three measurements of youth care: the table, the chart and the computed status
  const record = async (value: string, date: string, provisional = false) => {
    const target = iv.getByTestId('iv-target').first()
    await target.locator('summary', { hasText: 'Meting toevoegen' }).click()
    await target.getByLabel(/^Waarde/).fill(value)
    await target.getByLabel('Datum van de meting').fill(date)
    await target.getByLabel('Bron', { exact: true }).fill('Registratie wijkteam')
    if (provisional) await target.getByRole('checkbox', { name: /Voorlopig cijfer/ }).check()
    const before = await target.getByTestId('iv-measurement').count()
    await target.getByRole('button', { name: 'Meting bewaren' }).click()
    // the notice reads the same after each one: wait for the new row instead
    await expect(target.getByTestId('iv-measurement')).toHaveCount(before + 1)
    await expect(iv.getByRole('status').filter({ hasText: 'De meting is bewaard.' })).toBeVisible()
  }
  await record('34,8', '2025-06-30')
  await record('32,1', '2025-12-31')
  await record('29,6', '2026-06-30', true)
  const first = iv.getByTestId('iv-target').first()
  await expect(first.getByTestId('iv-measurement')).toHaveCount(3)
  await expect(first.getByTestId('iv-measurement').last()).toContainText('voorlopig')
  await expect(first.locator('.iv-chart svg')).toBeVisible()
  await expect(first.locator('.iv-badge')).toContainText('Doel bereikt')
  await expectAccessible(iv)
  await iv.screenshot({ path: test.info().outputPath('intervention.png'), fullPage: true })
  await iv.locator('.iv-columns').screenshot({ path: test.info().outputPath('intervention-header.png') })

  // the owner adds Jan to the team; Jan opens the timeline in his own browser
  await iv.locator('summary', { hasText: 'Iemand aan het team toevoegen' }).click()
  await iv.getByLabel('E-mailadres van de begeleider').fill(teamMember.email)
  await iv.getByRole('button', { name: 'Toevoegen aan het team' }).click()
  await expect(iv.getByRole('status').filter({ hasText: 'Jan Bakker hoort nu bij het team.' })).toBeVisible()
  const jan = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const j = await jan.newPage()
  await logIn(j, app, teamMember)
  await j.getByRole('link', { name: 'Interventies' }).click()
  await j.getByRole('link', { name: 'Koffie-inloop voor jonge ouders' }).click()
  await j.getByRole('link', { name: 'Tijdlijn' }).click()
  await expect(j.getByRole('heading', { name: 'Tijdlijn: Koffie-inloop voor jonge ouders' })).toBeVisible()
  const events = j.getByTestId('tl-events').locator('li')
  await expect(events.filter({ hasText: 'Versie v2 bewaard' })).toHaveCount(1)
  await expect(events.filter({ hasText: 'Versie v1 bewaard' })).toHaveCount(1)
  await expect(events.filter({ hasText: 'Jongeren met jeugdzorg' }).filter({ hasText: '29,6' })).toHaveCount(1)
  // newest first: v2 before v1, the measurement of June 2026 before the one of June 2025
  const texts = await events.allTextContents()
  const at = (words: string) => texts.findIndex((text) => text.includes(words))
  expect(at('Versie v2 bewaard')).toBeLessThan(at('Versie v1 bewaard'))
  expect(at('29,6')).toBeLessThan(at('34,8'))
  await expectAccessible(j)
  await j.screenshot({ path: test.info().outputPath('timeline.png'), fullPage: true })
  const small = await (await browser.newContext(phone)).newPage()
  await logIn(small, app, teamMember)
  await small.goto(`${base}/tijdlijn`)
  await expect(small.getByTestId('tl-events')).toBeVisible()
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, 'the timeline fits a phone').toBeLessThanOrEqual(0)
  await small.screenshot({ path: test.info().outputPath('timeline-phone.png'), fullPage: true })

  // the report, printed to PDF by Chromium: both version images are in it
  await iv.goto(`${base}/rapport`)
  await expect(iv.getByTestId('rp-version')).toHaveCount(2)
  for (const image of await iv.locator('.report-image').all()) await expect(image).toHaveJSProperty('complete', true)
  await iv.emulateMedia({ media: 'print' })
  await expect(iv.locator('.topbar')).toBeHidden()
  const pdf = test.info().outputPath('rapport.pdf')
  await iv.pdf({ path: pdf, format: 'A4', printBackground: true })
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)
  expect(images.length, 'images in the PDF').toBeGreaterThanOrEqual(2)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  for (const words of ['Koffie-inloop voor jonge ouders', 'v1', 'v2', 'Doel bereikt', 'Bron: CBS'])
    expect(text).toContain(words)
  const pages = path.join(path.dirname(pdf), 'rapport-page')
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, pages])
  expect(fs.readdirSync(path.dirname(pdf)).filter((name) => name.startsWith('rapport-page'))).not.toHaveLength(0)
})
