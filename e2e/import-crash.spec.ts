/**
 * A CBS import when the server is killed (SIGKILL) half-way through writing it (ADR 013): after a
 * restart every page shows the old figures, never part of the new file; the rows the import had
 * written are deleted by the restarted server; the import can simply be done again, and removed.
 */
import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { createFacilitatorWithCli } from './support/app-process'
import { bigKwbFile } from './support/cbs-files'
import { expect, expectAccessible, facilitatorAccount, logIn, test, startAppForThisFile } from './support/fixtures'

const app = startAppForThisFile()

/**
 * What the database holds that no reader sees: rows and imports of a generation not (yet) current,
 * and whether Binnenstad's new number of inhabitants is among those rows.
 */
function unseen(databasePath: string) {
  const db = new Database(databasePath)
  try {
    return db
      .prepare(
        `WITH visible AS (SELECT coalesce((SELECT generation FROM cbs_data_state WHERE id = 1), 0) AS g)
         SELECT (SELECT count(*) FROM indicator_values, visible WHERE generation > visible.g) AS rows,
                (SELECT count(*) FROM cbs_imports, visible WHERE generation > visible.g) AS imports,
                (SELECT count(*) FROM indicator_values, visible WHERE generation > visible.g
                  AND region_code = 'WK079601' AND "column" = 'AantalInwoners' AND value = 13902) AS binnenstad`,
      )
      .get() as { rows: number; imports: number; binnenstad: number }
  } finally {
    db.close()
  }
}

/** The made-up buurten of the big file that are known as regions. */
function syntheticBuurten(databasePath: string): number {
  const db = new Database(databasePath)
  try {
    return (db.prepare(`SELECT count(*) AS n FROM regions WHERE name LIKE 'Proefbuurt %'`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

const inhabitants = (page: Page) => page.locator('tr[data-indicator="inwoners"]').getByTestId('wijk-value')

test('killed half-way through an upload: old figures after the restart, the half import cleaned up, and done again', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await createFacilitatorWithCli(app, facilitatorAccount)
  await logIn(page, app)
  await page.goto(`${app.url}/wijken/WK079601`)
  await expect(inhabitants(page)).toContainText('13.895')

  // ~300 000 values, and 7 more inhabitants in every region the bundled file has
  const dir = test.info().outputPath('files')
  fs.mkdirSync(dir, { recursive: true })
  const source = path.resolve('db/data/cbs/85984NED_kwb2024_nl_gm0796_gm0758.csv')
  const big = bigKwbFile(source, dir, { extra: 3000, addInhabitants: 7, name: '85984NED_groot.csv' })

  await page.goto(`${app.url}/beheer/import`)
  await page.getByLabel(/Bestanden/).setInputFiles(big)
  await page.getByRole('button', { name: 'Inlezen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Bezig met inlezen' })).toBeVisible()
  // Kill the server once the import is well into writing its cells (rows nobody sees yet), past
  // Binnenstad's (the file goes region by region, the made-up buurten last).
  const deadline = Date.now() + 120_000
  const halfWay = ({ rows, binnenstad }: ReturnType<typeof unseen>) => rows >= 20_000 && binnenstad === 1
  while (!halfWay(unseen(app.databasePath))) {
    expect(Date.now(), 'the import started writing').toBeLessThan(deadline)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  await app.stop('SIGKILL')
  const left = unseen(app.databasePath)
  expect(halfWay(left)).toBe(true)
  expect(left.imports).toBe(1)

  await app.start()
  await page.goto(`${app.url}/wijken/WK079601`)
  await expect(inhabitants(page)).toContainText('13.895')
  expect(syntheticBuurten(app.databasePath)).toBe(0)
  await page.goto(`${app.url}/beheer/import`)
  const list = page.getByTestId('imports')
  await expect(list).toContainText('85984NED_kwb2024_nl_gm0796_gm0758.csv')
  await expect(list).not.toContainText('85984NED_groot.csv')
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('na-herstart.png'), fullPage: true })
  // The restarted server deletes what the killed import had written.
  await expect.poll(() => unseen(app.databasePath), { timeout: 60_000 }).toEqual({ rows: 0, imports: 0, binnenstad: 0 })

  // The same upload again, to the end this time.
  await page.getByLabel(/Bestanden/).setInputFiles(big)
  await page.getByRole('button', { name: 'Inlezen' }).click()
  await expect(page.getByTestId('import-ok')).toContainText('85984NED_groot.csv — Ingelezen', { timeout: 120_000 })
  await expect(page.getByTestId('imports')).toContainText('85984NED_groot.csv')
  await expectAccessible(page)
  await page.screenshot({ path: test.info().outputPath('opnieuw-ingelezen.png'), fullPage: true })
  await page.goto(`${app.url}/wijken/WK079601`)
  await expect(inhabitants(page)).toContainText('13.902')
  expect(unseen(app.databasePath)).toEqual({ rows: 0, imports: 0, binnenstad: 0 })
  expect(syntheticBuurten(app.databasePath)).toBe(3000)

  // Removing it from the page takes all of it away (the bundled file's cells were all replaced by it).
  await page.goto(`${app.url}/beheer/import`)
  await page.getByRole('link', { name: '85984NED 2024 uit 85984NED_groot.csv verwijderen' }).click()
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click()
  await expect(page.getByRole('status')).toHaveText(
    '85984NED 2024 uit 85984NED_groot.csv is verwijderd (389424 waarden).',
    {
      timeout: 60_000,
    },
  )
  await expect(page.getByTestId('imports')).not.toContainText('85984NED_groot.csv')
  await expectAccessible(page)
  await page.goto(`${app.url}/wijken/WK079601`)
  await expect(inhabitants(page)).toContainText('geen gegevens voor dit gebied')
})
