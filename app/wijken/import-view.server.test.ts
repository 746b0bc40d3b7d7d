import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { importUploads } from './import-view.server'

let dir: string
let db: Db
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-upload-'))
  db = openDb(path.join(dir, 'test.db'))
})
afterEach(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const upload = (name: string, text: string) => new File([text], name, { type: 'text/csv' })
const broken = () => upload('85984NED_kapot.csv', 'ID;WijkenEnBuurten;AantalInwoners_5\n0;WK079601;abc\n')
const extraColumn = () =>
  upload(
    '85984NED_extra.csv',
    'ID;WijkenEnBuurten;Codering_3;AantalInwoners_5;NieuweKolom_99\n1;Binnenstad;WK079601;13895;3\n',
  )

describe('importUploads', () => {
  it('reports errors and warnings in the reader’s language', async () => {
    const [failed, ok] = await importUploads(db, [broken(), extraColumn()], 'en')
    expect(failed).toEqual({
      ok: false,
      file: '85984NED_kapot.csv',
      kind: 'invalid',
      errors: [{ line: 2, column: 'AantalInwoners_5', message: '"abc" is not a number.' }],
    })
    expect(ok).toMatchObject({ ok: true, report: { warnings: ['1 unknown column(s) not imported: NieuweKolom_99.'] } })
    expect(ok!.ok && 'warningIssues' in ok!.report).toBe(false)
  })

  it('and in Dutch for a Dutch reader', async () => {
    const [failed, ok] = await importUploads(db, [broken(), extraColumn()], 'nl')
    expect(failed).toMatchObject({ errors: [{ message: '"abc" is geen getal.' }] })
    expect(ok).toMatchObject({ report: { warnings: ['1 onbekende kolom(men) niet ingelezen: NieuweKolom_99.'] } })
  })
})
