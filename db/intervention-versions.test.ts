import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDb } from './client'
import { interventionVersions, interventions, users } from './schema'

/** Issue 10: a saved version cannot be changed or deleted, by anything, at the database itself. */
describe('intervention_versions', () => {
  const db = openDb(':memory:')
  db.insert(users).values({ id: 'u1', email: 'fien@example.nl', name: 'Fien', passwordHash: 'x' }).run()
  db.insert(interventions)
    .values({
      id: 'i1',
      title: 'Samen naar school',
      question: 'Hoe kunnen wij …?',
      wijkCodes: '["WK079601"]',
      ownerId: 'u1',
      updatedAt: new Date(),
    })
    .run()
  const version = {
    id: 'v1',
    interventionId: 'i1',
    number: 1,
    reason: 'Eerste prototype',
    content: '{"schema":{},"records":[]}',
    contentHash: '0'.repeat(64),
    targets: '[]',
    dataPeriods: '[]',
  }
  db.insert(interventionVersions).values(version).run()

  it('refuses an UPDATE of a saved version, through drizzle and in plain SQL', () => {
    expect(() =>
      db.update(interventionVersions).set({ reason: 'anders' }).where(eq(interventionVersions.id, 'v1')).run(),
    ).toThrow(/immutable/)
    expect(() => db.$client.prepare("UPDATE intervention_versions SET png = x'00'").run()).toThrow(/immutable/)
    expect(db.select().from(interventionVersions).get()).toMatchObject({ reason: 'Eerste prototype', png: null })
  })

  it('refuses a DELETE, also one that would come from deleting the intervention', () => {
    expect(() => db.delete(interventionVersions).run()).toThrow(/immutable/)
    expect(() => db.delete(interventions).where(eq(interventions.id, 'i1')).run()).toThrow()
    expect(db.select().from(interventionVersions).all()).toHaveLength(1)
  })

  it('takes new versions, numbered once per intervention', () => {
    db.insert(interventionVersions)
      .values({ ...version, id: 'v2', number: 2 })
      .run()
    expect(() =>
      db
        .insert(interventionVersions)
        .values({ ...version, id: 'v3', number: 2 })
        .run(),
    ).toThrow(/UNIQUE/)
  })
})
