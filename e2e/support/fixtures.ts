import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { AppProcess } from './app-process'

export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

export const facilitatorAccount = { name: 'Fatima de Vries', email: 'fatima@wijkteam.nl', password: 'preventie-2026!' }

/** Fails on serious or critical axe violations, listing them readably. */
export async function expectAccessible(page: Page, options: { exclude?: string[] } = {}) {
  let builder = new AxeBuilder({ page })
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
  const { violations } = await builder.analyze()
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    )
  expect(serious, `axe violations on ${page.url()}`).toEqual([])
}

/**
 * A real server on a fresh, empty database for the spec file that calls this (at top level).
 * Use `app.url` for addresses; `app.createFacilitator()` adds an account through the CLI.
 */
export function startAppForThisFile(): AppProcess {
  const app = new AppProcess()
  test.beforeAll(async () => {
    await app.start()
  })
  test.afterAll(async () => {
    await app.dispose()
  })
  closeContextsAfterEach()
  return app
}

/**
 * Closes the browser contexts a test opened itself (`browser.newContext()`): the browser lives on
 * through the worker's later spec files, and a canvas left open keeps redrawing and reconnecting
 * to a server that is gone, slowing every test after it.
 */
export function closeContextsAfterEach() {
  test.afterEach(async ({ browser }) => {
    await Promise.all(browser.contexts().map((context) => context.close().catch(() => {})))
  })
}

/** Logs in through the login page. */
export async function logIn(page: Page, app: AppProcess, account = facilitatorAccount) {
  await page.goto(`${app.url}/inloggen`)
  await page.getByLabel('E-mailadres').fill(account.email)
  await page.getByLabel('Wachtwoord').fill(account.password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByRole('heading', { name: 'Mijn werksessies' })).toBeVisible()
}

export { expect, test }
