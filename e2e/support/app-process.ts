import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

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

/**
 * The real production server as a child process on its own port and SQLite file, so a
 * test can kill it (SIGKILL included) and start it again on the same database.
 */
export class AppProcess {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkatelier-e2e-'))
  readonly databasePath = path.join(this.dir, 'wijkatelier.db')
  private child: ChildProcess | null = null
  private output = ''
  port = 0

  get url() {
    return `http://localhost:${this.port}`
  }

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    this.port ||= await freePort()
    this.output = ''
    // `node --import tsx`, not the tsx command: the latter runs the server in a grandchild
    // process that a SIGKILL of the child would not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATABASE_PATH: this.databasePath,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    child.stdout?.on('data', (d) => (this.output += d))
    child.stderr?.on('data', (d) => (this.output += d))
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${this.output}`)
      try {
        const res = await fetch(`${this.url}/healthz`)
        if (res.ok) return
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`server did not start:\n${this.output}`)
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
    this.child = null
  }

  logs() {
    return this.output
  }

  async dispose() {
    await this.stop('SIGKILL')
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

export interface Account {
  name: string
  email: string
  password: string
}

/** Creates a facilitator account the way an administrator does: with the CLI. */
export async function createFacilitatorWithCli(app: AppProcess, account: Account): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/cli.ts',
      'user:create',
      '--email',
      account.email,
      '--password',
      account.password,
      '--name',
      account.name,
    ],
    { cwd: root, env: { ...process.env, DATABASE_PATH: app.databasePath }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`cli failed (${code}): ${out}`)
  return out
}
