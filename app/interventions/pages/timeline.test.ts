import { describe, expect, it } from 'vitest'
import type { InterventionView } from '~/interventions/types'
import { timelineEvents } from './timeline'

const base: InterventionView = {
  id: 'iv1',
  title: 'Samen naar school',
  question: 'Hoe kunnen wij ouders eerder bereiken?',
  targetGroup: null,
  place: 'school',
  wijkCodes: ['WK079601'],
  riskFactors: [],
  owner: { id: 'u1', name: 'Fatima' },
  team: [],
  reference: null,
  status: 'prototype',
  originSessionId: null,
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  targets: [],
  versions: [],
  measurements: [],
  statusHistory: [],
  comments: [],
  restores: [],
  canEdit: true,
}

const version = (number: number, createdAt: string) => ({
  number,
  name: null,
  reason: `reden ${number}`,
  contentHash: 'h',
  shapeCount: 2,
  hasSvg: true,
  hasPng: true,
  sessionId: null,
  frameId: null,
  phase: 'prototype',
  basedOn: null,
  createdBy: 'Fatima',
  createdAt,
})

describe('the timeline', () => {
  const view: InterventionView = {
    ...base,
    versions: [version(1, '2026-01-10T10:00:00.000Z'), version(2, '2026-02-10T10:00:00.000Z')],
    statusHistory: [
      { from: null, to: 'idee', reason: 'gestart', by: 'Fatima', at: '2026-01-01T09:00:00.000Z' },
      { from: 'idee', to: 'prototype', reason: 'eerste versie', by: 'Fatima', at: '2026-01-10T10:00:00.000Z' },
    ],
    measurements: [
      {
        id: 'm1',
        targetId: 't1',
        value: 30,
        // measured in 2025, typed in much later: it stands at its own date
        date: '2025-12-31',
        period: '2025',
        source: 'CBS',
        provisional: true,
        origin: { kind: 'hand' },
        createdAt: '2026-03-01T09:00:00.000Z',
      },
    ],
    comments: [
      {
        id: 1,
        versionNumber: 1,
        measurementId: null,
        text: 'Ouders vonden het fijn',
        by: 'Jan',
        createdAt: '2026-01-10T10:00:00.000Z',
      },
    ],
    restores: [{ version: 1, sessionId: 's2', sessionTitle: 'Tweede ronde', at: '2026-02-11T09:00:00.000Z' }],
  }

  it('puts the newest first, measurements at the date they measure', () => {
    expect(timelineEvents(view).map((e) => `${e.kind}:${e.at.slice(0, 10)}`)).toEqual([
      'restore:2026-02-11',
      'version:2026-02-10',
      'comment:2026-01-10',
      'version:2026-01-10',
      'status:2026-01-10',
      'status:2026-01-01',
      'measurement:2025-12-31',
    ])
  })

  it('oldest first is the same list the other way round, a status change before the version it came with', () => {
    const oldest = timelineEvents(view, 'oldest').map((e) => e.kind)
    expect(oldest).toEqual(['measurement', 'status', 'status', 'version', 'comment', 'version', 'restore'])
    expect(oldest).toEqual(
      timelineEvents(view)
        .map((e) => e.kind)
        .reverse(),
    )
  })
})
