import { describe, expect, it } from 'vitest'
import { buildSummary, stepTimeline, type SummaryInput } from './summary'
import { csvField, summaryCsv } from './summary-csv'

const at = (minute: number) => new Date(Date.UTC(2026, 2, 12, 13, minute))
const note = (id: string, lines: string[], meta: Record<string, unknown> = {}) => ({
  id,
  typeName: 'shape',
  type: 'note',
  parentId: 'page:page',
  props: {
    richText: { type: 'doc', content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
  },
  meta,
})
const contribution = (shapeId: string, phase: 'inleven' | 'ideeen', role: string, minute: number, extra = {}) => ({
  roomId: 'main',
  shapeId,
  role,
  phase,
  source: 'phone' as const,
  private: false,
  revealedAt: null,
  deletedAt: null,
  createdAt: at(minute),
  ...extra,
})

function input(): SummaryInput {
  return {
    session: { createdAt: at(0), closedAt: null, phase: 'ideeen' },
    now: at(50),
    events: [
      { kind: 'timer', data: '{"action":"start"}', at: at(5) },
      { kind: 'phase', data: '{"phase":"ideeen","from":"inleven"}', at: at(20) },
    ],
    mainRoomId: 'main',
    records: new Map<string, unknown>([
      ['shape:a', note('shape:a', ['Ouder', 'Meer speelplekken'], { role: 'ouder' })],
      ['shape:b', note('shape:b', ['Professional · school', 'Taalles na school'], { role: 'professional' })],
      ['shape:c', note('shape:c', ['Een eigen briefje'])],
      ['shape:f', note('shape:f', ['Starter van een sjabloon'])],
      ['shape:geo', { id: 'shape:geo', typeName: 'shape', type: 'geo', props: {}, meta: {} }],
    ]),
    contributions: [
      contribution('shape:a', 'inleven', 'ouder', 10),
      contribution('shape:b', 'ideeen', 'professional', 25),
      // deleted from the canvas since: not part of what the session made
      contribution('shape:gone', 'ideeen', 'ouder', 26),
      // still private in its owner's room
      contribution('shape:p', 'ideeen', 'ouder', 27, { roomId: 'private-1', private: true }),
    ],
    owners: [
      { recordId: 'shape:c', subject: 'p:2', createdAt: at(30) },
      { recordId: 'shape:a', subject: 'p:1', createdAt: at(10) },
      // the facilitator's template notes and a participant's rectangle are not contributions
      { recordId: 'shape:f', subject: 'u:f', createdAt: at(1) },
      { recordId: 'shape:geo', subject: 'p:2', createdAt: at(31) },
    ],
    participants: [
      { id: '1', role: 'ouder' },
      { id: '2', role: 'ouder' },
      { id: '3', role: 'professional' },
    ],
    facilitators: 2,
    votes: [
      {
        startedAt: at(40).toISOString(),
        endedAt: at(45).toISOString(),
        votesPerPerson: 3,
        frameId: null,
        results: [
          { shapeId: 'shape:b', count: 4, text: 'Taalles na school' },
          { shapeId: 'shape:c', count: 2, text: 'Een eigen briefje' },
        ],
      },
    ],
  }
}

describe('buildSummary', () => {
  it('counts contributions per step and role, with the notes made on the canvas in the step of their time', () => {
    const summary = buildSummary(input())
    const step = (phase: string) => summary.perStep.find((s) => s.phase === phase)!
    expect(step('inleven').byRole).toMatchObject({ ouder: 1, professional: 0 })
    expect(step('ideeen').byRole).toMatchObject({ ouder: 2, professional: 1, facilitator: 0 })
    expect(step('ideeen').total).toBe(3)
    expect(summary.total).toBe(4)
  })

  it('gives each contribution its text without the role label, its source and its votes; a private one without text', () => {
    const rows = buildSummary(input()).contributions
    expect(rows.map((r) => [r.phase, r.role, r.source, r.text, r.votes])).toEqual([
      ['inleven', 'ouder', 'phone', 'Meer speelplekken', 0],
      ['ideeen', 'professional', 'phone', 'Taalles na school', 4],
      ['ideeen', 'ouder', 'phone', null, 0],
      ['ideeen', 'ouder', 'note', 'Een eigen briefje', 2],
    ])
  })

  it('counts who took part per role, facilitators included', () => {
    expect(buildSummary(input()).people).toEqual({ facilitator: 2, ouder: 2, consultatiebureau: 0, professional: 1 })
  })

  it('ranks the votes with their texts', () => {
    expect(buildSummary(input()).votes).toEqual([
      {
        startedAt: at(40).toISOString(),
        endedAt: at(45).toISOString(),
        votesPerPerson: 3,
        onFrame: false,
        results: [
          { text: 'Taalles na school', count: 4 },
          { text: 'Een eigen briefje', count: 2 },
        ],
      },
    ])
  })
})

describe('stepTimeline', () => {
  it('starts with the first step at creation and lasts each step until the next; the last goes on until now', () => {
    const timeline = stepTimeline(input())
    expect(timeline).toEqual([
      { phase: 'inleven', startedAt: at(0).toISOString(), endedAt: at(20).toISOString(), durationMs: 20 * 60_000 },
      { phase: 'ideeen', startedAt: at(20).toISOString(), endedAt: null, durationMs: 30 * 60_000 },
    ])
  })

  it('ends the last step when the session closed, and makes a new line for a step visited again', () => {
    const timeline = stepTimeline({
      session: { createdAt: at(0), closedAt: at(40), phase: 'inleven' },
      now: at(59),
      events: [
        { kind: 'phase', data: '{"phase":"definieren","from":"inleven"}', at: at(10) },
        { kind: 'phase', data: '{"phase":"inleven","from":"definieren"}', at: at(25) },
      ],
    })
    expect(timeline.map((v) => [v.phase, v.durationMs / 60_000, v.endedAt !== null])).toEqual([
      ['inleven', 10, true],
      ['definieren', 15, true],
      ['inleven', 15, true],
    ])
  })

  it('is the current step since creation when the step never changed', () => {
    const timeline = stepTimeline({
      session: { createdAt: at(0), closedAt: null, phase: 'inleven' },
      now: at(5),
      events: [],
    })
    expect(timeline).toEqual([
      { phase: 'inleven', startedAt: at(0).toISOString(), endedAt: null, durationMs: 5 * 60_000 },
    ])
  })
})

describe('summaryCsv', () => {
  it('has a byte-order mark, a Dutch header and one row per contribution, separated by semicolons', () => {
    const csv = summaryCsv(buildSummary(input()), 'nl')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe('stap;rol;bron;gemaakt;tekst;stemmen')
    expect(lines.slice(1)).toEqual([
      'Inleven;Ouder;telefoon;2026-03-12 14:10:00;Meer speelplekken;0',
      'Ideeën;Professional;telefoon;2026-03-12 14:25:00;Taalles na school;4',
      'Ideeën;Ouder;telefoon;2026-03-12 14:27:00;(privé, niet gedeeld);0',
      'Ideeën;Ouder;canvas, eigen briefje;2026-03-12 14:30:00;Een eigen briefje;2',
    ])
  })

  it('quotes separators, quotes and line breaks, and keeps a formula as text', () => {
    expect(csvField('a;b')).toBe('"a;b"')
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""')
    expect(csvField('regel 1\nregel 2')).toBe('"regel 1\nregel 2"')
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField(-3)).toBe('-3')
  })
})
