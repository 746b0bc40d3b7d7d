import { EnvError, getEnv } from '../app/env.server'
import { startAppServer } from './app-server'
import { ensureBuild } from './build'

const dev = process.argv.includes('--dev')
process.env.NODE_ENV ??= dev ? 'development' : 'production'

async function main() {
  const env = getEnv()
  if (!dev) ensureBuild()
  const app = await startAppServer(env, { dev })
  console.log(`Wijkatelier draait op ${app.url} (database: ${env.DATABASE_PATH})`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: rooms bewaren en stoppen…`)
    await app.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

// Client input must never take the process down; anything unexpected is logged with context.
process.on('unhandledRejection', (reason) => console.error('unhandled rejection:', reason))

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(error.message)
  else console.error('Wijkatelier kon niet starten:', error)
  process.exit(1)
})
