/**
 * The phone page's quality bars: `npm run bench:phone [-- --runs 5]`.
 *
 * Starts the production server of this checkout on a fresh database (built first when stale),
 * makes a facilitator with the CLI and a werksessie over the JSON API, then, in a real Chromium
 * emulating a 360 × 740 phone, with Chrome DevTools' "Slow 4G" network profile and 4× CPU
 * throttling (DevTools protocol), and a cold cache for every run:
 *
 * - time to usable: from tapping "Meedoen" on the join page to the phone page on screen with an
 *   idea form that works (a plain post before the page's script has run); then until the script
 *   has run (`data-ready`: the offline outbox, voting, editing) and the live channel is connected;
 * - what a cold load of the phone page transfers: JavaScript and fonts as sent (compressed), per
 *   file and in total, and whether any of it is a tldraw or Yjs chunk.
 *
 * Prints medians and maxima; docs/performance.md ("The phone page") records them.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { AppProcess, createFacilitatorWithCli } from '../support/app-process'
import { chromiumLaunchOptions } from '../support/chromium'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const runs = Math.max(1, Number(args.runs))

/** Chrome DevTools' "Slow 4G" preset (its former "Fast 3G"): 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up, 150 ms × 3.75. */
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
}
const CPU_SLOWDOWN = 4
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
const CANVAS_MARKERS = ['tldraw_license', 'Yjs was already imported', 'registerTldrawLibraryVersion', '@tldraw/']
const account = { name: 'Bench Begeleider', email: 'bench@example.org', password: 'een lang wachtwoord voor de bench' }

interface Transfer {
  url: string
  type: string
  bytes: number
}

/** Every response of the page, with the bytes it took on the wire (headers and compressed body). */
async function recordTransfers(cdp: CDPSession): Promise<Transfer[]> {
  const types = new Map<string, { url: string; type: string }>()
  const done: Transfer[] = []
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { url: e.response.url, type: e.type }))
  cdp.on('Network.loadingFinished', (e) => {
    const seen = types.get(e.requestId)
    if (seen) done.push({ ...seen, bytes: e.encodedDataLength })
  })
  return done
}

async function throttled(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  return cdp
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function main() {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'server/build.ts'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('build failed')
  const app = new AppProcess()
  await app.start()
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    await createFacilitatorWithCli(app, account)
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: app.url },
      body: JSON.stringify({ email: account.email, password: account.password }),
    })
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0])
    const created = await fetch(`${app.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: app.url, Cookie: cookie.join('; ') },
      body: JSON.stringify({ title: 'Ouders van De Reit' }),
    })
    const { id, joinCode } = (await created.json()) as { id: string; joinCode: string }

    const usable: number[] = []
    const hydrated: number[] = []
    const live: number[] = []
    const loads: Transfer[][] = []
    for (let run = 0; run < runs; run++) {
      // Joining, cold cache: the join page loads (not timed), then the tap on "Meedoen" is.
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      await throttled(page)
      await page.goto(`${app.url}/meedoen/${joinCode}`)
      await page.getByRole('radio', { name: /Ouder/ }).check()
      const start = Date.now()
      if (process.env.BENCH_TRACE) {
        page.on('request', (r) =>
          console.log(`  +${Date.now() - start} ms → ${r.method()} ${new URL(r.url()).pathname}`),
        )
        page.on('requestfinished', (r) => console.log(`  +${Date.now() - start} ms ✓ ${new URL(r.url()).pathname}`))
      }
      await page.getByRole('button', { name: 'Meedoen' }).tap()
      await page.waitForURL(/\/doe-mee\//, { timeout: 60_000, waitUntil: 'commit' })
      // Usable: the step, its question and the idea form are on screen, and the form works (before
      // the page's script has run, as a plain post).
      await page.getByRole('button', { name: 'Plak je idee op het bord' }).waitFor({ timeout: 60_000 })
      usable.push(Date.now() - start)
      // Its script has run: the outbox keeps an idea offline, votes and edits work.
      await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 })
      hydrated.push(Date.now() - start)
      // Live: the channel that brings step, timer and vote changes is connected.
      await page.locator('[data-state="live"]').waitFor({ timeout: 60_000 })
      live.push(Date.now() - start)

      // The phone page itself, cold: a new context with the same cookies, nothing cached.
      const cookies = await context.cookies()
      await context.close()
      const fresh = await browser.newContext(PHONE)
      await fresh.addCookies(cookies)
      const again = await fresh.newPage()
      const transfers = await recordTransfers(await throttled(again))
      const bodies = new Map<string, string>()
      again.on('response', async (res) => {
        if (res.request().resourceType() === 'script') bodies.set(res.url(), await res.text().catch(() => ''))
      })
      await again.goto(`${app.url}/doe-mee/${id}`)
      await again.locator('[data-ready="true"] [data-state="live"]').waitFor({ timeout: 60_000 })
      await again.waitForLoadState('networkidle')
      const canvas = [...bodies].filter(([, body]) => CANVAS_MARKERS.some((m) => body.includes(m)))
      if (canvas.length > 0) throw new Error(`canvas code on the phone page: ${canvas.map(([u]) => u).join(', ')}`)
      loads.push([...transfers])
      await fresh.close()
      console.log(`run ${run + 1}: usable ${usable[run]} ms, script ran ${hydrated[run]} ms, live ${live[run]} ms`)
    }

    const sum = (list: Transfer[], type: string) => list.filter((t) => t.type === type).reduce((s, t) => s + t.bytes, 0)
    const scripts = loads.map((l) => sum(l, 'Script'))
    const fonts = loads.map((l) => sum(l, 'Font'))
    const all = loads.map((l) => l.reduce((s, t) => s + t.bytes, 0))
    console.log(
      `\nmachine: ${spawnSync('nproc').stdout.toString().trim()} cores, Node ${process.version}, ${new Date().toISOString()}`,
    )
    console.log(
      `profile: Slow 4G (${SLOW_4G.latency} ms, ${kb(SLOW_4G.downloadThroughput)}/s down), CPU ${CPU_SLOWDOWN}× slower, 360 × 740`,
    )
    for (const [name, xs] of [
      ['usable (the form works, before the script)', usable],
      ['the script has run', hydrated],
      ['the live channel is connected', live],
    ] as const) {
      console.log(`after tapping "Meedoen", ${name} (n=${runs}): median ${median(xs)} ms, max ${Math.max(...xs)} ms`)
    }
    console.log(
      `phone page, cold load: JavaScript ${kb(median(scripts))}, fonts ${kb(median(fonts))}, everything ${kb(median(all))}`,
    )
    console.log('\nfiles of the last load:')
    for (const t of loads.at(-1)!.sort((a, b) => b.bytes - a.bytes)) {
      console.log(`  ${t.type.padEnd(10)} ${kb(t.bytes).padStart(10)}  ${new URL(t.url).pathname}`)
    }
  } finally {
    await browser.close()
    await app.dispose()
  }
}

await main()
