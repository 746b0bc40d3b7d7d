import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { loader as gemeenteWijken } from '~/routes/api.v1.gemeenten.$code.wijken'
import { loader as wijkProfile } from '~/routes/api.v1.wijken.$code'
import { importBundledData } from './import/import.server'

// The routes use the process database (DATABASE_PATH is a per-worker temp file, see vitest.setup.ts).
beforeAll(() => {
  importBundledData(db())
})

// These routes never reach the collaboration server.
const noCollab = {
  deleteRoom: () => {},
  endLogin: () => {},
  connectedSubjects: () => [],
  closeSubject: () => 0,
  history: { list: () => [], get: () => undefined },
  transact: () => Promise.reject(new Error('no collab server in this test')),
}

const call = (loader: typeof wijkProfile, code: string) =>
  loader({
    params: { code },
    request: new Request(`http://localhost/api/v1/${code}`),
    context: { collab: noCollab, clientAddress: '127.0.0.1' },
  }) as Promise<Response>

describe('GET /api/v1/wijken/:code', () => {
  it('returns the profile', async () => {
    const res = await call(wijkProfile, 'wk079601')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.code).toBe('WK079601')
    expect(body.indicators.find((i: { code: string }) => i.code === 'jeugdzorg')).toMatchObject({
      value: 35.5,
      source: { table: '85990NED', column: 'TotaalJongerenMetJeugdzorgInNatura_1' },
    })
    expect(body.cocktail.summary).toMatch(/Binnenstad/)
  })
  it('gives a hidden figure its reason key and, for integrations, the Dutch text', async () => {
    const body = await (await call(wijkProfile, 'WK079601')).json()
    const income = body.indicators.find((i: { code: string }) => i.code === 'inkomen-per-inwoner')
    expect(income).toMatchObject({ value: null, reason: 'not-published', reasonText: 'niet gepubliceerd door CBS' })
    const shown = body.indicators.find((i: { code: string }) => i.code === 'jeugdzorg')
    expect(shown).toMatchObject({ reason: null, reasonText: null })
  })
  it('404 for an unknown wijk, 400 for a malformed code', async () => {
    const missing = await call(wijkProfile, 'WK099999')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ message: 'Wijk WK099999 is niet bekend.' })
    const bad = await call(wijkProfile, 'Binnenstad')
    expect(bad.status).toBe(400)
    expect((await bad.json()).message).toMatch(/WK079601/)
  })
})

describe('GET /api/v1/gemeenten/:code/wijken', () => {
  it('lists the wijken', async () => {
    const res = await call(gemeenteWijken, 'GM0758')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ code: 'GM0758', name: 'Breda' })
    expect(body.wijken).toHaveLength(11)
  })
  it('404 for an unknown gemeente, 400 for a malformed code', async () => {
    expect((await call(gemeenteWijken, 'GM9999')).status).toBe(404)
    expect((await call(gemeenteWijken, 'WK079601')).status).toBe(400)
  })
})
