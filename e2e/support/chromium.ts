import { chromium } from '@playwright/test'
import fs from 'node:fs'

/**
 * Playwright's own Chromium where it is installed (`npx playwright install chromium`);
 * otherwise the system Chromium (Debian package `chromium`), e.g. on machines that cannot
 * download browsers. PLAYWRIGHT_CHROMIUM_PATH overrides both.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH
  if (fs.existsSync(chromium.executablePath())) return undefined
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate
  }
  return undefined
}

/** Launch options for that Chromium: a system one runs without its sandbox, GPU and background traffic. */
export function chromiumLaunchOptions() {
  const executablePath = chromiumExecutable()
  return {
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
  }
}
