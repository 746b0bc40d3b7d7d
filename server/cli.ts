import { parseArgs } from 'node:util'
import { createAccount } from '../app/auth/commands.server'
import { db } from '../app/db.server'
import { EnvError, getEnv } from '../app/env.server'

const usage = `Gebruik (usage):
  npm run cli -- user:create --email <e-mail> --password <wachtwoord> --name <naam>`

type Command = (args: string[]) => Promise<number>

const commands: Record<string, Command> = {
  async 'user:create'(args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    })
    const result = await createAccount(db(), values, { startSession: false })
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.errors)) console.error(`--${field}: ${message}`)
      return 1
    }
    console.log(`Account aangemaakt voor ${result.value.name} <${result.value.email}>.`)
    return 0
  },
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const command = name ? commands[name] : undefined
  if (!command) {
    console.error(usage)
    return 2
  }
  getEnv()
  try {
    return await command(rest)
  } catch (error) {
    if (error instanceof EnvError || (error instanceof TypeError && 'code' in error)) {
      console.error(error.message)
      console.error(usage)
      return 2
    }
    throw error
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
