/**
 * Relay in a live room while CBS data is imported: `npm run bench:import [-- --root <checkout>]`.
 *
 * Runs the real production server (`node --import tsx server/index.ts`, NODE_ENV=production, a
 * temp DATABASE_PATH) of a checkout, logs in as its first account, opens a werksessie's room with
 * two real y-websocket clients that each write at 20 Hz, and measures how long each update takes
 * from one client to the other: with no import, during `npm run cli -- import:cbs <big file>` and
 * during an upload of the same file on the import page. The big file is the bundled KWB table of
 * two gemeenten with synthetic buurten added (same columns, new codes and names).
 * `--root` measures another checkout (e.g. a `git worktree` of an older commit, node_modules
 * symlinked); it is built first if it has no build. Prints the figures; docs/performance.md
 * ("CBS imports beside live rooms") records them.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { bigKwbFile } from '../support/cbs-files'

const here = path.dirname(fileURLToPath(import.meta.url))
const { values: args } = parseArgs({
  options: {
    root: { type: 'string', default: path.resolve(here, '../..') },
    buurten: { type: 'string', default: '6000' },
    idle: { type: 'string', default: '8' },
  },
})
const root = path.resolve(args.root!)
const HZ = 20
const secret = 'bench-secret-bench-secret-bench-secret-0123'
const email = 'beheer@example.org'
const password = 'een lang wachtwoord voor de bench'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkatelier-import-bench-'))
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  DATABASE_PATH: path.join(work, 'bench.db'),
  SESSION_SECRET: secret,
}

/** The bundled KWB file with `extra` synthetic buurten of Breda (BU0758 5000…), so ~100 values each. */
const bigFile = (extra: number) =>
  bigKwbFile(path.join(root, 'db/data/cbs/85984NED_kwb2024_nl_gm0796_gm0758.csv'), work, { extra })

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

const cli = (...cliArgs: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...cliArgs], { cwd: root, env, encoding: 'utf8' })

async function startApp(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { child, logs: () => output }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not start:\n${output}`)
}

/** Two clients in one room, each writing its clock at 20 Hz; the other one's receive time gives the relay time. */
function relayProbe(url: string, roomId: string, tokens: [string, string]) {
  const samples: number[] = []
  const closes: number[] = []
  let recording = false
  const providers = tokens.map((token) => {
    const doc = new Y.Doc()
    const p = new WebsocketProvider(url, roomId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token },
      disableBc: true,
    })
    p.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0))
    return p
  })
  providers.forEach((p, i) => {
    const heard = providers[1 - i].doc.getMap<number>(`probe${i}`)
    heard.observe((event) => {
      if (!recording || event.transaction.local) return
      for (const key of event.keysChanged) samples.push(performance.now() - heard.get(key)!)
    })
  })
  let n = 0
  const timers = providers.map((p, i) =>
    setInterval(() => {
      if (p.wsconnected) p.doc.getMap<number>(`probe${i}`).set(`t${n++ % 50}`, performance.now())
    }, 1000 / HZ),
  )
  return {
    synced: () => providers.every((p) => p.synced),
    /** Samples taken while `during` runs. */
    async measure(during: () => Promise<unknown>) {
      samples.length = 0
      recording = true
      const started = performance.now()
      await during()
      recording = false
      return { ...stats([...samples]), seconds: (performance.now() - started) / 1000 }
    },
    closes,
    stop() {
      timers.forEach(clearInterval)
      providers.forEach((p) => p.destroy())
    },
  }
}

function stats(xs: number[]) {
  xs.sort((a, b) => a - b)
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN
  return { n: xs.length, p50: at(0.5), p99: at(0.99), max: xs[xs.length - 1] ?? NaN }
}

async function main() {
  if (!fs.existsSync(path.join(root, 'build/server/index.js'))) {
    console.log(`building ${root} …`)
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  }
  const big = bigFile(Number(args.buurten))
  console.log(
    `checkout: ${root} (${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()})`,
  )
  console.log(`file: ${path.basename(big)}, ${(fs.statSync(big).size / 1e6).toFixed(1)} MB`)
  const created = cli('user:create', '--email', email, '--password', password, '--name', 'Beheer')
  if (created.status !== 0) throw new Error(`user:create failed: ${created.stderr}`)

  const port = await freePort()
  const app = await startApp(port)
  const base = `http://127.0.0.1:${port}`
  try {
    const login = await fetch(`${base}/inloggen`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }),
    })
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    if (!cookie.includes('=')) throw new Error(`login failed (${login.status})`)
    const headers = { Cookie: cookie, Origin: base }
    const session = await fetch(`${base}/api/v1/sessions`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Bench' }),
    }).then((r) => r.json() as Promise<{ id: string }>)
    const tokenOf = () =>
      fetch(`${base}/api/v1/sessions/${session.id}/collab-token`, { headers }).then(
        (r) => r.json() as Promise<{ roomId: string; token: string }>,
      )
    const [t1, t2] = [await tokenOf(), await tokenOf()]
    const probe = relayProbe(`ws://127.0.0.1:${port}/collab`, t1.roomId, [t1.token, t2.token])
    const deadline = Date.now() + 30_000
    while (!probe.synced() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))

    const rows: Array<[string, ReturnType<typeof stats> & { seconds: number }]> = []
    rows.push(['no import', await probe.measure(() => new Promise((r) => setTimeout(r, Number(args.idle) * 1000)))])
    rows.push([
      'CLI import:cbs',
      await probe.measure(
        () =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import:cbs', big], {
              cwd: root,
              env,
              stdio: ['ignore', 'ignore', 'pipe'],
            })
            let err = ''
            child.stderr.on('data', (d) => (err += d))
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`import:cbs failed: ${err}`))))
          }),
      ),
    ])
    rows.push([
      'upload on the import page',
      await probe.measure(async () => {
        const form = new FormData()
        const bytes = fs.readFileSync(big)
        form.append('bestanden', new File([bytes], 'upload_' + path.basename(big), { type: 'text/csv' }))
        const res = await fetch(`${base}/beheer/import`, { method: 'POST', headers, body: form })
        const text = await res.text()
        if (!res.ok || !/import-ok/.test(text)) throw new Error(`upload failed (${res.status}): ${text.slice(0, 500)}`)
      }),
    ])
    probe.stop()

    const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–')
    console.log(`\nrelay between two clients at ${HZ} Hz each (ms)`)
    console.log('| phase | seconds | updates | p50 | p99 | max |')
    console.log('|---|---:|---:|---:|---:|---:|')
    for (const [label, s] of rows) {
      console.log(`| ${label} | ${s.seconds.toFixed(1)} | ${s.n} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`)
    }
    console.log(`close codes seen by the clients: ${probe.closes.length ? probe.closes.join(', ') : 'none'}`)
    const failed = app.logs().match(/storing an update failed[^\n]*/g)
    console.log(`rooms failed on the server: ${failed ? failed.length : 0}`)
  } finally {
    const exited = new Promise((r) => app.child.once('exit', r))
    app.child.kill('SIGTERM')
    await exited
    fs.rmSync(work, { recursive: true, force: true })
  }
}

const startedAt = Date.now()
await main()
console.error(`(${((Date.now() - startedAt) / 1000).toFixed(0)} s in all)`)
// the y-websocket providers' reconnect timers must not keep the process alive
process.exit(0)
