import { parseArgs } from 'node:util'
import { createAccount } from '../app/auth/commands.server'
import { db } from '../app/db.server'
import { EnvError, getEnv } from '../app/env.server'
import { translateAll } from '../app/i18n'
import { importCbsFile, type ImportProgress } from '../app/wijken/import/import.server'
import { CbsImportError } from '../app/wijken/import/types'
import { periodLabel } from '../app/wijken/periods'

const usage = `Gebruik (usage):
  npm run db:migrate                                        (database aanmaken of bijwerken)
  npm run cli -- user:create --email <e-mail> --password <wachtwoord> --name <naam>
  npm run cli -- import:cbs <bestand.csv|bestand.json>…   (CBS-tabel inlezen; zie docs/wijk-data.md)`

type Command = (args: string[]) => Promise<number>

const commands: Record<string, Command> = {
  async 'db:migrate'() {
    // Opening the database applies the committed migrations that it lacks (db/client.ts).
    db()
    console.log(`Database bijgewerkt: ${getEnv().DATABASE_PATH}`)
    return 0
  },

  async 'user:create'(args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    })
    const result = await createAccount(db(), values, { startSession: false })
    if (!result.ok) {
      for (const [field, message] of Object.entries(translateAll('nl', result.errors)))
        console.error(`--${field}: ${message}`)
      return 1
    }
    console.log(`Account aangemaakt voor ${result.value.name} <${result.value.email}>.`)
    return 0
  },

  async 'import:cbs'(args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, strict: true })
    if (positionals.length === 0) {
      console.error('Geef één of meer CBS-bestanden op.')
      console.error(usage)
      return 2
    }
    for (const file of positionals) {
      try {
        const report = importCbsFile(db(), file, { onProgress: progressBar })
        process.stderr.write('\n')
        console.log(
          `${report.file}: tabel ${report.table} (${report.title}), ${report.periods.map(periodLabel).join(', ')}: ` +
            `${report.rows} regels, ${report.regions} gebieden, ${report.values} waarden ingelezen.`,
        )
        for (const warning of report.warnings) console.log(`  let op: ${warning}`)
      } catch (error) {
        process.stderr.write('\n')
        if (!(error instanceof CbsImportError)) throw error
        console.error(`Niet ingelezen (er is niets opgeslagen):\n${error.message}`)
        return 1
      }
    }
    return 0
  },
}

/** `[#####-----] 50% 85990NED` on stderr, redrawn in place. */
function progressBar(p: ImportProgress) {
  const fraction = p.phase === 'read' ? 0 : p.total ? p.done / p.total : 1
  const filled = Math.round(fraction * 20)
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${
    p.table || p.file
  }`
  process.stderr.write(`\r${bar}`)
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
