import { parseArgs } from 'node:util'
import { createAccount } from '../app/auth/commands.server'
import { isAdministrator } from '../app/auth/admin.server'
import { findUserByEmail, setAdmin } from '../app/auth/users.server'
import { db } from '../app/db.server'
import { EnvError, getEnv } from '../app/env.server'
import { translateAll } from '../app/i18n'
import type { ImportProgress } from '../app/wijken/import/import.server'
import { importInWorker, type ImportJob } from '../app/wijken/import/run-import.server'
import { CbsImportError } from '../app/wijken/import/types'
import { periodLabel } from '../app/wijken/periods'

const usage = `Gebruik (usage):
  npm run db:migrate                                        (database aanmaken of bijwerken)
  npm run cli -- user:create --email <e-mail> --password <wachtwoord> --name <naam>
  npm run cli -- user:admin --email <e-mail> [--remove]     (beheerder aanstellen of afzetten)
  npm run cli -- import:cbs [--table <id>] [--by <e-mail>] <bestand.csv|bestand.json>…   (CBS-tabel inlezen; zie docs/wijk-data.md)
  npm run cli -- import:table <bestand.csv> --source <organisatie> [--title <naam tabel>] [--period <periode>] [--by <e-mail>]
                                                            (eigen cijfers per gebied inlezen; zie docs/wijk-data.md)`

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

  async 'user:admin'(args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, remove: { type: 'boolean', default: false } },
      strict: true,
    })
    if (!values.email) {
      console.error('Geef het e-mailadres op: --email <e-mail>.')
      return 2
    }
    const user = setAdmin(db(), values.email, !values.remove)
    if (!user) {
      console.error(`Er is geen account met e-mailadres ${values.email}.`)
      return 1
    }
    console.log(`${user.name} <${user.email}> is ${user.isAdmin ? 'nu beheerder' : 'geen beheerder meer'}.`)
    return 0
  },

  async 'import:cbs'(args) {
    const { positionals, values } = parseArgs({
      args,
      options: { table: { type: 'string' }, by: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    })
    const importedBy = administrator(values.by)
    if (importedBy === false) return 1
    if (positionals.length === 0) {
      console.error('Geef één of meer CBS-bestanden op.')
      console.error(usage)
      return 2
    }
    for (const file of positionals) {
      if ((await importOne({ filePath: file, tableId: values.table, importedBy })) !== 0) return 1
    }
    return 0
  },

  /**
   * An organisation's own regional table: every numeric column becomes an indicator, direction
   * "neither" and not in the cocktail until an administrator sets it up (/beheer/eigen-cijfers).
   */
  async 'import:table'(args) {
    const { positionals, values } = parseArgs({
      args,
      options: {
        source: { type: 'string' },
        title: { type: 'string' },
        period: { type: 'string' },
        by: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    })
    if (positionals.length !== 1 || !values.source?.trim()) {
      console.error('Geef één bestand op en de organisatie waar de cijfers van zijn: --source "Gemeente Breda".')
      console.error(usage)
      return 2
    }
    const importedBy = administrator(values.by)
    if (importedBy === false) return 1
    return importOne({
      filePath: positionals[0]!,
      importedBy,
      own: { organisation: values.source, title: values.title, period: values.period },
    })
  },
}

/**
 * `--by <e-mail>`: the administrator the import list names for a CLI import (none without it);
 * false, after saying why, for an address that is no administrator's.
 */
function administrator(email: string | undefined): string | undefined | false {
  if (email === undefined) return undefined
  const user = findUserByEmail(db(), email)
  if (user && isAdministrator(user)) return user.id
  console.error(`${email} is geen beheerder: alleen beheerders lezen cijfers in (npm run cli -- user:admin).`)
  return false
}

/**
 * One file, in a worker thread with its own connection and short write locks (ADR 008), so a
 * running server's rooms are not held up. Prints the report, or why nothing was stored.
 */
async function importOne(job: Omit<ImportJob, 'databasePath'>): Promise<number> {
  try {
    const databasePath = db().$client.name
    const report = await importInWorker({ databasePath, ...job }, progressBar)
    process.stderr.write('\n')
    console.log(
      `${report.file}: tabel ${report.table} (${report.title}), ${report.periods.map(periodLabel).join(', ')}: ` +
        `${report.rows} regels, ${report.regions} gebieden, ${report.values} waarden ingelezen.`,
    )
    for (const warning of report.warnings) console.log(`  let op: ${warning}`)
    return 0
  } catch (error) {
    process.stderr.write('\n')
    if (!(error instanceof CbsImportError)) throw error
    console.error(`Niet ingelezen (er is niets opgeslagen):\n${error.message}`)
    return 1
  }
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
