import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
export const serverBuildFile = path.join(root, 'build/server/index.js')

function newestMtime(entry: string): number {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return 0
  const stat = fs.statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)))
  return newest
}

/** Whether the production build is missing or older than what it is built from. */
export function buildIsStale(): boolean {
  if (!fs.existsSync(serverBuildFile)) return true
  const built = fs.statSync(serverBuildFile).mtimeMs
  const sources = ['app', 'db', 'public', 'remix.config.js', 'vite.config.ts', 'package-lock.json']
  return sources.some((entry) => newestMtime(entry) > built)
}

/** Builds the app when there is no (current) build, so `npm start` works on a fresh clone. */
export function ensureBuild(): void {
  if (!buildIsStale()) return
  console.log('Wijkatelier: productieversie bouwen (building the app)…')
  const result = spawnSync('npx', ['remix', 'vite:build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`build failed with exit code ${result.status}`)
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild()
