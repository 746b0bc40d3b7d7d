import { chromium, defineConfig, devices } from '@playwright/test'
import fs from 'node:fs'

/**
 * Playwright's own Chromium where it is installed (`npx playwright install chromium`);
 * otherwise the system Chromium (Debian package `chromium`), e.g. on machines that cannot
 * download browsers. PLAYWRIGHT_CHROMIUM_PATH overrides both.
 */
function chromiumExecutable(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH
  if (fs.existsSync(chromium.executablePath())) return undefined
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate
  }
  return undefined
}

const executablePath = chromiumExecutable()

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Every spec file starts its own server on a fresh database; two at a time fit two cores.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'nl-NL',
    launchOptions: {
      executablePath,
      args: executablePath
        ? [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ]
        : [],
    },
  },
})
