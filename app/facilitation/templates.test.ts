import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sessionPhases } from '../../db/phases'
import { t } from '~/i18n'
import { frameAsTemplate, indicesFor, placeFrame, placeNote, readRecords, SEED_PAGE, stepFrame } from './canvas-writes'
import { shapeBounds } from './note-layout'
import { builtInTemplateIds, builtInTemplateRecords, builtInTemplates, templatesOfPhase } from './templates'

const nl = (key: Parameters<typeof t>[1]) => t('nl', key)
let counter = 0
const newId = () => `test${++counter}`

/** Every record in the doc, checked by tldraw's own schema and loaded into a real store. */
function expectValidForTldraw(doc: Y.Doc) {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const records = [...readRecords(doc).values()] as TLRecord[]
  const valid = records.map((record) => store.schema.validateRecord(store, record, 'createRecord', null))
  store.mergeRemoteChanges(() => store.put(valid))
  for (const record of records) expect(store.get(record.id)).toBeDefined()
  return store
}

describe('the step templates', () => {
  it('has templates for every step, each knowing its step', () => {
    for (const phase of sessionPhases) expect(templatesOfPhase(phase).length).toBeGreaterThan(0)
    for (const id of builtInTemplateIds)
      expect(builtInTemplates[id].phase).toMatch(/^(inleven|definieren|ideeen|prototype|testen)$/)
    expect(builtInTemplates['empathy-map'].sections.map((s) => nl(s.heading))).toEqual([
      'Zegt',
      'Denkt',
      'Doet',
      'Voelt',
    ])
    expect(builtInTemplates['crazy-8s'].sections).toHaveLength(8)
    expect(builtInTemplates['prototype-canvas'].sections.map((s) => nl(s.heading))).toEqual([
      'Wat gaan we doen?',
      'Voor wie?',
      'Waar?',
      'Wie doet het?',
      'Doelcijfers',
    ])
    expect(builtInTemplates['test-feedback'].sections.map((s) => nl(s.heading))).toEqual([
      'Werkt goed',
      'Kan beter',
      'Vragen',
      'Nieuwe ideeën',
    ])
  })

  it("places every template as records that tldraw's schema accepts, side by side without overlap", () => {
    const doc = new Y.Doc()
    const frameIds: string[] = []
    for (const id of builtInTemplateIds) {
      const records = builtInTemplateRecords(builtInTemplates[id], nl, indicesFor)
      const [frameId] = placeFrame(doc, readRecords(doc), {
        records,
        phase: builtInTemplates[id].phase,
        template: id,
        now: new Date(Date.UTC(2026, 0, 1, 10, 0, frameIds.length)),
        newId,
      })
      frameIds.push(frameId)
    }
    const store = expectValidForTldraw(doc)
    const frames = frameIds.map((id) => store.get(id as TLRecord['id']) as unknown as Parameters<typeof shapeBounds>[0])
    const boxes = frames.map(shapeBounds)
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.x + a.w < b.x || b.x + b.w < a.x).toBe(true)
    }
    // Headings in Dutch: the frame's name and a large title text inside it.
    const records = readRecords(doc)
    const empathy = records.get(frameIds[1]) as { props: { name: string }; meta: Record<string, unknown> }
    expect(empathy.props.name).toBe('Empathiekaart')
    expect(empathy.meta).toMatchObject({ phase: 'inleven', template: 'empathy-map' })
    const texts = [...records.values()].filter((r) => (r as { parentId?: string }).parentId === frameIds[1])
    expect(
      texts.some((r) => JSON.stringify(r).includes('"size":"xl"') && JSON.stringify(r).includes('Empathiekaart')),
    ).toBe(true)
    expect(stepFrame(records, 'inleven')?.id).toBe(frameIds[1])
    expect(stepFrame(records, 'ideeen')?.id).toBe(frameIds[4])
  })

  it('puts notes into the step frame, labelled by role, growing it; a saved frame places again as valid records', () => {
    const doc = new Y.Doc()
    const records = readRecords(doc)
    const [frameId] = placeFrame(doc, records, {
      records: builtInTemplateRecords(builtInTemplates['idea-board'], nl, indicesFor),
      phase: 'ideeen',
      template: 'idea-board',
      now: new Date(),
      newId,
    })
    const before = (records.get(frameId) as { props: { h: number } }).props.h
    for (let i = 0; i < 20; i++) {
      placeNote(doc, records, stepFrame(records, 'ideeen'), {
        label: 'Ouder',
        text: `Idee ${i} met wat meer woorden zodat het twee regels worden`,
        color: 'yellow',
        createdBy: 'pid-1',
        meta: { role: 'ouder', phase: 'ideeen', source: 'api' },
        newId,
      })
    }
    expectValidForTldraw(doc)
    const after = readRecords(doc)
    expect((after.get(frameId) as { props: { h: number } }).props.h).toBeGreaterThan(before)
    const notes = [...after.values()].filter((r) => (r as { type?: string }).type === 'note')
    expect(notes).toHaveLength(20)
    expect(JSON.stringify((notes[0] as { props: unknown }).props)).toContain('"text":"Ouder","marks":[{"type":"bold"}]')

    const saved = frameAsTemplate(after, frameId)!
    expect(saved).toHaveLength(1 + 2 + 20)
    expect(saved[0]).toMatchObject({ x: 0, y: 0, type: 'frame' })
    expect((saved[0] as { meta: object }).meta).toEqual({})
    const copy = new Y.Doc()
    const ids = placeFrame(copy, readRecords(copy), {
      records: saved as never,
      phase: 'testen',
      template: 'saved',
      now: new Date(),
      newId,
    })
    expect(ids).toHaveLength(saved.length)
    expect(new Set(ids).size).toBe(ids.length)
    expectValidForTldraw(copy)
    expect(readRecords(copy).get(SEED_PAGE.id)).toBeDefined()
  })
})
