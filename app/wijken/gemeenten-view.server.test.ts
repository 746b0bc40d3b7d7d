import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { differInFactors } from './cocktail'
import { listGemeentenWithWijken } from './gemeenten-view.server'
import { importBundledData } from './import/import.server'

let dir: string
let db: Db

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-gemeenten-'))
  db = openDb(path.join(dir, 'test.db'))
  importBundledData(db)
})
afterAll(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('listGemeentenWithWijken: what each gemeente has figures for', () => {
  it('says per gemeente which cocktail factors can be assessed, and marks thin data', () => {
    const byCode = Object.fromEntries(listGemeentenWithWijken(db).map((g) => [g.code, g]))
    expect(byCode.GM0758).toMatchObject({
      name: 'Breda',
      factors: 6,
      assessable: ['corporatiewoningen', 'bijstand', 'ww', 'jeugdzorg'],
      thin: false,
    })
    expect(byCode.GM0796).toMatchObject({ assessable: ['corporatiewoningen', 'jeugdzorg'], thin: false })
    // Tilburg: only the inhabitants and one youth-care figure per wijk in the bundled data.
    expect(byCode.GM0855).toMatchObject({
      assessable: [],
      thin: true,
      wijkFigures: ['inwoners', 'eenouder-jeugdzorg'],
    })
    expect(byCode.GM0855!.withFigures).toContain('jeugdbescherming-gemeente')
    expect(differInFactors(Object.values(byCode))).toBe(true)
    expect(differInFactors([byCode.GM0796!, byCode.GM0796!])).toBe(false)
  })
})
