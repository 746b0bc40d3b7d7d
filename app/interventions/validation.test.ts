import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { z } from 'zod'
import { nl } from '~/i18n/nl'
import { fieldErrors } from '~/validation'
import {
  checkMeasurementValue,
  checkStatusChange,
  checkTarget,
  commentSchema,
  createInterventionSchema,
  handBaselineDate,
  judgementSchema,
  MAX_IMAGE_CHARS,
  measurementSchema,
  memberSchema,
  parseDecimal,
  restoreSchema,
  saveVersionSchema,
  statusChangeSchema,
  targetInputSchema,
  updateInterventionSchema,
} from './validation'

/** The `{ field: key }` of a failed parse, or {} when it passes. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input)
  return result.success ? {} : fieldErrors(result.error)
}

const parsed = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> => {
  const result = schema.safeParse(input)
  if (!result.success) throw new Error(JSON.stringify(fieldErrors(result.error)))
  return result.data
}

// Every message a schema gives is a key of the Dutch dictionary, never a text.
const keyOf = (message: string) => message.split('?')[0]
afterEach(() => vi.useRealTimers())

const NOW = new Date('2025-05-15T10:00:00Z')

describe('parseDecimal', () => {
  it('reads numbers as people type them in a Dutch form', () => {
    expect(parseDecimal('12,5')).toBe(12.5)
    expect(parseDecimal(' 12.5 ')).toBe(12.5)
    expect(parseDecimal('1.234,5')).toBe(1234.5)
    expect(parseDecimal('-3')).toBe(-3)
    expect(parseDecimal('')).toBeUndefined()
    expect(parseDecimal(7)).toBe(7)
  })

  it('leaves what is not a number for the schema to refuse', () => {
    expect(parseDecimal('12,5,3')).toBe('12,5,3')
    expect(parseDecimal('twaalf')).toBe('twaalf')
    expect(parseDecimal('1e3')).toBe('1e3')
    expect(parseDecimal('Infinity')).toBe('Infinity')
  })
})

describe('createInterventionSchema', () => {
  const valid = {
    title: 'Samen sterk vanaf de zwangerschap',
    question: 'Hoe kunnen wij jonge moeders steunen?',
    wijkCodes: ['WK085501'],
  }

  it('accepts the minimum and normalises wijk codes', () => {
    expect(parsed(createInterventionSchema, valid)).toEqual(valid)
    expect(parsed(createInterventionSchema, { ...valid, wijkCodes: ' wk085501 ' }).wijkCodes).toEqual(['WK085501'])
    expect(
      parsed(createInterventionSchema, { ...valid, wijkCodes: ['WK085501', 'wk085501', 'WK085502'] }).wijkCodes,
    ).toEqual(['WK085501', 'WK085502'])
  })

  it('accepts every optional field', () => {
    const full = {
      ...valid,
      place: 'consultatiebureau',
      targetGroup: 'Jonge moeders zonder werk',
      sessionId: 's1',
      frameId: 'shape:frame1',
      riskFactors: ['bijstand', 'huurwoningen'],
      reference: {
        name: 'Stevig Ouderschap',
        url: 'https://www.nji.nl/interventies/stevig-ouderschap',
        level: 'effectief-eerste',
      },
    }
    expect(parsed(createInterventionSchema, full)).toEqual(full)
    // A form's empty choices are absent.
    expect(parsed(createInterventionSchema, { ...valid, place: '', targetGroup: ' ', sessionId: '' })).toEqual(valid)
    expect(parsed(createInterventionSchema, { ...valid, riskFactors: 'bijstand' }).riskFactors).toEqual(['bijstand'])
  })

  it.each([
    [{ title: '' }, 'title', 'interventions.v.title.required'],
    [{ title: '   ' }, 'title', 'interventions.v.title.required'],
    [{ title: 'x'.repeat(121) }, 'title', 'interventions.v.title.max'],
    [{ question: undefined }, 'question', 'interventions.v.question.required'],
    [{ question: 'x'.repeat(301) }, 'question', 'interventions.v.question.max'],
    [{ wijkCodes: [] }, 'wijkCodes', 'interventions.v.wijkCodes.required'],
    [{ wijkCodes: undefined }, 'wijkCodes', 'interventions.v.wijkCodes.required'],
    [{ wijkCodes: '' }, 'wijkCodes', 'interventions.v.wijkCodes.required'],
    [{ wijkCodes: ['GM0855'] }, 'wijkCodes', 'interventions.v.wijkCodes.format'],
    [{ wijkCodes: ['BU08550101'] }, 'wijkCodes', 'interventions.v.wijkCodes.format'],
    [
      { wijkCodes: Array.from({ length: 11 }, (_, i) => `WK0855${String(i).padStart(2, '0')}`) },
      'wijkCodes',
      'interventions.v.wijkCodes.max',
    ],
    [{ place: 'zwembad' }, 'place', 'interventions.v.place.unknown'],
    [{ targetGroup: 'x'.repeat(201) }, 'targetGroup', 'interventions.v.targetGroup.max'],
    [{ sessionId: 42 }, 'sessionId', 'interventions.v.sessionId.required'],
    [{ riskFactors: ['gezondheid'] }, 'riskFactors', 'interventions.v.riskFactors.unknown'],
    [{ riskFactors: Array.from({ length: 21 }, () => 'bijstand') }, 'riskFactors', 'interventions.v.riskFactors.max'],
    [{ reference: { url: 'https://nji.nl' } }, 'reference', 'interventions.v.reference.name'],
    [{ reference: 'Stevig Ouderschap' }, 'reference', 'interventions.v.reference.name'],
    [{ reference: { name: 'x'.repeat(201) } }, 'reference', 'interventions.v.reference.nameMax'],
    [{ reference: { name: 'SO', url: 'javascript:alert(1)' } }, 'reference', 'interventions.v.reference.url'],
    [{ reference: { name: 'SO', url: 'nji.nl' } }, 'reference', 'interventions.v.reference.url'],
    [{ reference: { name: 'SO', level: 'bewezen' } }, 'reference', 'interventions.v.reference.level'],
  ])('refuses %j with %s: %s', (change, field, key) => {
    expect(errorsOf(createInterventionSchema, { ...valid, ...change })).toEqual({ [field]: key })
  })
})

describe('updateInterventionSchema', () => {
  it('changes only what is sent, and clears what may be cleared', () => {
    expect(parsed(updateInterventionSchema, {})).toEqual({})
    expect(parsed(updateInterventionSchema, { title: ' Nieuw ' })).toEqual({ title: 'Nieuw' })
    expect(parsed(updateInterventionSchema, { place: '', targetGroup: null, reference: null })).toEqual({
      place: null,
      targetGroup: null,
      reference: null,
    })
  })

  it('keeps the rules of each field, and knows no session or frame', () => {
    expect(errorsOf(updateInterventionSchema, { title: '' })).toEqual({ title: 'interventions.v.title.required' })
    expect(errorsOf(updateInterventionSchema, { wijkCodes: [] })).toEqual({
      wijkCodes: 'interventions.v.wijkCodes.required',
    })
    expect(errorsOf(updateInterventionSchema, { place: 'zwembad' })).toEqual({ place: 'interventions.v.place.unknown' })
    expect(parsed(updateInterventionSchema, { sessionId: 's1', frameId: 'f' })).toEqual({})
  })
})

describe('statusChangeSchema', () => {
  it('needs a known status and a reason', () => {
    expect(parsed(statusChangeSchema, { status: 'pilot', reason: 'De school doet mee.' })).toEqual({
      status: 'pilot',
      reason: 'De school doet mee.',
    })
    expect(errorsOf(statusChangeSchema, { status: 'klaar', reason: 'x' })).toEqual({
      status: 'interventions.v.status.unknown',
    })
    expect(errorsOf(statusChangeSchema, { status: 'gestopt', reason: ' ' })).toEqual({
      reason: 'interventions.v.statusReason.required',
    })
    expect(errorsOf(statusChangeSchema, { status: 'gestopt', reason: 'x'.repeat(1001) })).toEqual({
      reason: 'interventions.v.statusReason.max',
    })
  })
})

describe('checkStatusChange', () => {
  it('allows the lifecycle’s steps and refuses a skipped one', () => {
    expect(checkStatusChange('prototype', 'pilot')).toEqual({})
    expect(checkStatusChange('pilot', 'gestopt')).toEqual({})
    expect(checkStatusChange('idee', 'implementatie')).toEqual({ status: 'interventions.v.status.notAllowed' })
    expect(checkStatusChange('gestopt', 'geborgd')).toEqual({ status: 'interventions.v.status.notAllowed' })
  })
})

describe('targetInputSchema', () => {
  const valid = { metric: 'uithuisplaatsing', direction: 'lower', targetValue: 8, targetDate: '2027-12-31' }

  it('takes a target without a baseline (the wijk data gives it) and with a hand baseline', () => {
    expect(parsed(targetInputSchema, valid)).toEqual(valid)
    expect(
      parsed(targetInputSchema, {
        ...valid,
        targetValue: '7,5',
        baseline: { value: '10,6', source: 'Jaarverslag jeugdteam 2024', period: '2024', date: '2024-12-31' },
      }),
    ).toEqual({
      ...valid,
      targetValue: 7.5,
      baseline: { value: 10.6, source: 'Jaarverslag jeugdteam 2024', period: '2024', date: '2024-12-31' },
    })
  })

  it.each([
    [{ metric: 'geluk' }, 'metric', 'interventions.v.metric.unknown'],
    [{ metric: undefined }, 'metric', 'interventions.v.metric.unknown'],
    [{ direction: 'sideways' }, 'direction', 'interventions.v.direction.unknown'],
    [{ targetValue: 'acht' }, 'targetValue', 'interventions.v.targetValue.number'],
    [{ targetValue: '' }, 'targetValue', 'interventions.v.targetValue.number'],
    [{ targetValue: NaN }, 'targetValue', 'interventions.v.targetValue.number'],
    [{ targetValue: Infinity }, 'targetValue', 'interventions.v.targetValue.number'],
    [{ targetDate: '31-12-2027' }, 'targetDate', 'interventions.v.targetDate.format'],
    [{ targetDate: '2027-02-30' }, 'targetDate', 'interventions.v.targetDate.format'],
    [{ baseline: { value: 10 } }, 'baseline', 'interventions.v.baseline.source'],
    [{ baseline: { value: 10, source: '  ' } }, 'baseline', 'interventions.v.baseline.source'],
    [{ baseline: { value: 'veel', source: 'x' } }, 'baseline', 'interventions.v.baseline.value'],
    [{ baseline: { value: 10, source: 'x', date: '2024-13-01' } }, 'baseline', 'interventions.v.baseline.date'],
    [{ baseline: { value: 10, source: 'x', date: '2099-01-01' } }, 'baseline', 'interventions.v.baseline.dateFuture'],
    [{ baseline: { value: 10, source: 'x', period: 'x'.repeat(41) } }, 'baseline', 'interventions.v.period.max'],
    [{ baseline: 10 }, 'baseline', 'interventions.v.baseline.value'],
  ])('refuses %j with %s: %s', (change, field, key) => {
    expect(errorsOf(targetInputSchema, { ...valid, ...change })).toEqual({ [field]: key })
  })
})

describe('handBaselineDate', () => {
  it('uses the date, else the end of a CBS period, else today', () => {
    expect(handBaselineDate({ date: '2024-03-01', period: '2024' }, NOW)).toBe('2024-03-01')
    expect(handBaselineDate({ period: '2024HJ01' }, NOW)).toBe('2024-06-30')
    expect(handBaselineDate({ period: 'schooljaar 2023-2024' }, NOW)).toBe('2025-05-15')
    expect(handBaselineDate({}, NOW)).toBe('2025-05-15')
  })
})

describe('checkTarget', () => {
  const target = {
    metric: 'uithuisplaatsing',
    direction: 'lower' as const,
    baselineValue: 10.6,
    targetValue: 8,
    targetDate: '2027-12-31',
  }

  it('passes a target beyond the baseline in the good direction, after today', () => {
    expect(checkTarget(target, NOW)).toEqual({})
    expect(
      checkTarget({ ...target, metric: 'eindtoets-1f', direction: 'higher', baselineValue: 60, targetValue: 70 }, NOW),
    ).toEqual({})
    expect(checkTarget({ ...target, targetDate: '2025-05-16' }, NOW)).toEqual({})
  })

  it('refuses a target on the wrong side of the baseline, or equal to it', () => {
    expect(checkTarget({ ...target, targetValue: 12 }, NOW)).toEqual({
      targetValue: 'interventions.v.targetValue.notLower',
    })
    expect(checkTarget({ ...target, targetValue: 10.6 }, NOW)).toEqual({
      targetValue: 'interventions.v.targetValue.notLower',
    })
    expect(checkTarget({ ...target, direction: 'higher' }, NOW)).toEqual({
      targetValue: 'interventions.v.targetValue.notHigher',
    })
    expect(checkTarget({ ...target, direction: 'higher', targetValue: 10.6 }, NOW)).toEqual({
      targetValue: 'interventions.v.targetValue.notHigher',
    })
  })

  it('refuses values out of range for the unit', () => {
    const percent = { ...target, metric: 'speciaal-onderwijs' }
    expect(checkTarget({ ...percent, baselineValue: 120 }, NOW)).toEqual({ baseline: 'interventions.v.value.percent' })
    expect(checkTarget({ ...percent, targetValue: -1 }, NOW)).toEqual({ targetValue: 'interventions.v.value.percent' })
    expect(checkTarget({ ...target, baselineValue: 1200, targetValue: 1100 }, NOW)).toEqual({
      baseline: 'interventions.v.value.per1000',
      targetValue: 'interventions.v.value.per1000',
    })
    const count = { ...target, metric: 'bereik-gezinnen', direction: 'higher' as const, baselineValue: 0 }
    expect(checkTarget({ ...count, targetValue: 40 }, NOW)).toEqual({})
    expect(checkTarget({ ...count, targetValue: 40.5 }, NOW)).toEqual({ targetValue: 'interventions.v.value.count' })
    expect(checkTarget({ ...count, targetValue: 2e7 }, NOW)).toEqual({ targetValue: 'interventions.v.value.count' })
  })

  it('refuses a target date that is not after today', () => {
    expect(checkTarget({ ...target, targetDate: '2025-05-15' }, NOW)).toEqual({
      targetDate: 'interventions.v.targetDate.future',
    })
    expect(checkTarget({ ...target, targetDate: '2020-01-01' }, NOW)).toEqual({
      targetDate: 'interventions.v.targetDate.future',
    })
    expect(checkTarget({ ...target, targetDate: 'morgen' }, NOW)).toEqual({
      targetDate: 'interventions.v.targetDate.format',
    })
  })

  it('refuses a target date not after the baseline date, naming that date', () => {
    const errors = checkTarget({ ...target, targetDate: '2026-01-01', baselineDate: '2026-06-30' }, NOW)
    expect(errors).toEqual({ targetDate: 'interventions.v.targetDate.afterBaseline?date=2026-06-30' })
  })

  it('refuses an unknown metric, and takes a definition as well as a code', () => {
    expect(checkTarget({ ...target, metric: 'geluk' }, NOW)).toEqual({ metric: 'interventions.v.metric.unknown' })
  })

  it('reports every field at once', () => {
    expect(checkTarget({ ...target, targetValue: 11, targetDate: '2024-01-01' }, NOW)).toEqual({
      targetValue: 'interventions.v.targetValue.notLower',
      targetDate: 'interventions.v.targetDate.future',
    })
  })
})

describe('measurementSchema and checkMeasurementValue', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
  })
  const valid = { targetId: 't1', value: 9.8, date: '2025-05-15', source: 'CBS 85098NED, 2024*' }

  it('accepts a measurement up to today, with a form checkbox', () => {
    expect(parsed(measurementSchema, valid)).toEqual(valid)
    expect(parsed(measurementSchema, { ...valid, value: '9,8', provisional: 'on', period: '2024JJ00' })).toEqual({
      ...valid,
      provisional: true,
      period: '2024JJ00',
    })
    expect(parsed(measurementSchema, { ...valid, provisional: false }).provisional).toBe(false)
  })

  it.each([
    [{ targetId: '' }, 'targetId', 'interventions.v.targetId.required'],
    [{ value: 'negen' }, 'value', 'interventions.v.value.number'],
    [{ value: undefined }, 'value', 'interventions.v.value.number'],
    [{ date: '2025-05-16' }, 'date', 'interventions.v.date.future'],
    [{ date: '15-05-2025' }, 'date', 'interventions.v.date.format'],
    [{ period: 'x'.repeat(41) }, 'period', 'interventions.v.period.max'],
    [{ source: '' }, 'source', 'interventions.v.source.required'],
    [{ source: 'x'.repeat(301) }, 'source', 'interventions.v.source.max'],
    [{ provisional: 'misschien' }, 'provisional', 'interventions.v.provisional.type'],
  ])('refuses %j with %s: %s', (change, field, key) => {
    expect(errorsOf(measurementSchema, { ...valid, ...change })).toEqual({ [field]: key })
  })

  it('checks the value against the metric', () => {
    expect(checkMeasurementValue('eindtoets-1f', 64.2)).toEqual({})
    expect(checkMeasurementValue('eindtoets-1f', 101)).toEqual({ value: 'interventions.v.value.percent' })
    expect(checkMeasurementValue('bereik-kinderen', 12.5)).toEqual({ value: 'interventions.v.value.count' })
    expect(checkMeasurementValue('jeugdzorg', -0.1)).toEqual({ value: 'interventions.v.value.per1000' })
    expect(checkMeasurementValue('geluk', 1)).toEqual({ targetId: 'interventions.v.metric.unknown' })
  })
})

describe('saveVersionSchema', () => {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
  const valid = { sessionId: 's1', frameId: 'shape:f1', reason: 'De vraag scherper gemaakt met de ouders.' }

  it('accepts a version with its images, and gives the PNG as bare base64', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    const content = { schema: {}, records: [] }
    expect(parsed(saveVersionSchema, { ...valid, name: 'Na de pilot', content, svg, png })).toEqual({
      ...valid,
      name: 'Na de pilot',
      content,
      svg,
      png,
    })
    expect(parsed(saveVersionSchema, { ...valid, png: `data:image/png;base64,${png}` }).png).toBe(png)
    expect(parsed(saveVersionSchema, { ...valid, svg: '<?xml version="1.0"?>\n<svg>' }).svg).toBeDefined()
  })

  it.each([
    [{ sessionId: undefined }, 'sessionId', 'interventions.v.sessionId.required'],
    [{ frameId: '' }, 'frameId', 'interventions.v.frameId.required'],
    [{ reason: '' }, 'reason', 'interventions.v.versionReason.required'],
    [{ reason: 'x'.repeat(2001) }, 'reason', 'interventions.v.versionReason.max'],
    [{ name: 'x'.repeat(81) }, 'name', 'interventions.v.versionName.max'],
    [{ svg: '<html><svg></svg></html>' }, 'svg', 'interventions.v.svg.format'],
    [{ svg: `<svg>${'x'.repeat(MAX_IMAGE_CHARS)}</svg>` }, 'svg', 'interventions.v.image.tooBig'],
    [{ png: '/9j/4AAQSkZJRgABAQ' }, 'png', 'interventions.v.png.format'],
    [{ png: 'data:image/jpeg;base64,/9j/4AAQ' }, 'png', 'interventions.v.png.format'],
    [{ png: 'iVBORw0KGgo<script>' }, 'png', 'interventions.v.png.format'],
    [{ png: `iVBORw0KGgo${'A'.repeat(MAX_IMAGE_CHARS)}` }, 'png', 'interventions.v.image.tooBig'],
  ])('refuses %j with %s: %s', (change, field, key) => {
    expect(errorsOf(saveVersionSchema, { ...valid, ...change })).toEqual({ [field]: key })
  })
})

describe('comments, judgements, restore and members', () => {
  it('takes a comment on a version, a measurement or the whole', () => {
    expect(parsed(commentSchema, { text: 'Mooi!' })).toEqual({ text: 'Mooi!' })
    expect(parsed(commentSchema, { text: 'Mooi!', versionNumber: '2' })).toEqual({ text: 'Mooi!', versionNumber: 2 })
    expect(parsed(commentSchema, { text: 'Voorlopig cijfer', measurementId: 'm1' }).measurementId).toBe('m1')
  })

  it.each([
    [{ text: ' ' }, 'text', 'interventions.v.comment.required'],
    [{ text: 'x'.repeat(2001) }, 'text', 'interventions.v.comment.max'],
    [{ text: 'x', versionNumber: 0 }, 'versionNumber', 'interventions.v.versionNumber.format'],
    [{ text: 'x', versionNumber: 1.5 }, 'versionNumber', 'interventions.v.versionNumber.format'],
    [{ text: 'x', versionNumber: 'twee' }, 'versionNumber', 'interventions.v.versionNumber.format'],
    [{ text: 'x', versionNumber: 1, measurementId: 'm1' }, 'measurementId', 'interventions.v.comment.both'],
  ])('refuses the comment %j with %s: %s', (input, field, key) => {
    expect(errorsOf(commentSchema, input)).toEqual({ [field]: key })
  })

  it('takes the team’s judgement with an optional note', () => {
    expect(parsed(judgementSchema, { judgement: 'twijfel', note: 'Kleine aantallen.' })).toEqual({
      judgement: 'twijfel',
      note: 'Kleine aantallen.',
    })
    expect(errorsOf(judgementSchema, { judgement: 'goed' })).toEqual({ judgement: 'interventions.v.judgement.unknown' })
    expect(errorsOf(judgementSchema, { judgement: 'zorg', note: 'x'.repeat(1001) })).toEqual({
      note: 'interventions.v.judgement.noteMax',
    })
  })

  it('needs a session to restore into and an e-mail address for a member', () => {
    expect(errorsOf(restoreSchema, {})).toEqual({ sessionId: 'interventions.v.sessionId.required' })
    expect(parsed(restoreSchema, { sessionId: 's1' })).toEqual({ sessionId: 's1' })
    expect(parsed(memberSchema, { email: ' ans@example.nl ' })).toEqual({ email: 'ans@example.nl' })
    expect(errorsOf(memberSchema, { email: '' })).toEqual({ email: 'interventions.v.email.required' })
    expect(errorsOf(memberSchema, { email: 'ans' })).toEqual({ email: 'interventions.v.email.invalid' })
  })
})

describe('the messages', () => {
  it('are all keys of the Dutch dictionary', async () => {
    const source = await import('./validation?raw').then((m: { default: string }) => m.default)
    const keys = [...source.matchAll(/'(interventions\.v\.[\w.]+)'/g)].map((m) => keyOf(m[1]))
    expect(keys.length).toBeGreaterThan(40)
    for (const key of keys) expect(nl, key).toHaveProperty([key])
  })
})
