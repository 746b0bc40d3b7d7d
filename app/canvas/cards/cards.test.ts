import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLRecord,
  type TLShape,
} from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { makeStore, syncDocs } from '~/canvas/test-support'
import { getRecordMap } from '~/canvas/y-records'
import { META_KEY, SEED_PAGE_ID, bindStoreToYDoc } from '~/canvas/yjs-binding'
import {
  COCKTAIL_CARD,
  COCKTAIL_CARD_SIZE,
  INDICATOR_CARD,
  INDICATOR_CARD_SIZE,
  customShapeUtils,
  type CocktailCardProps,
  type IndicatorCardProps,
} from './index'
import { inwonersSnapshot } from './test-fixtures'

const cardStore = () =>
  createTLStore({ shapeUtils: [...defaultShapeUtils, ...customShapeUtils], bindingUtils: defaultBindingUtils })

const indicatorProps: IndicatorCardProps = { ...INDICATOR_CARD_SIZE, ...inwonersSnapshot }

const cocktailProps: CocktailCardProps = {
  ...COCKTAIL_CARD_SIZE,
  wijkCode: 'WK079601',
  wijkName: 'Binnenstad',
  gemeenteName: "'s-Hertogenbosch",
  factors: 6,
  assessed: 2,
  count: 1,
  riskCodes: ['corporatiewoningen'],
  riskLabels: [{ nl: 'Woningen van een woningcorporatie', en: 'Housing association homes' }],
  notAssessed: [
    { code: 'bijstand', label: { nl: 'Mensen met bijstand', en: 'People on social assistance' }, reason: 'no-data' },
    { code: 'ww', label: { nl: 'Mensen met een WW-uitkering', en: 'People on WW' }, reason: 'no-data' },
    { code: 'inkomen-per-inwoner', label: { nl: 'Inkomen', en: 'Income' }, reason: 'not-published' },
    { code: 'laag-inkomen', label: { nl: 'Laag inkomen', en: 'Low income' }, reason: 'not-published' },
  ],
  sources: [{ table: '85984NED', column: 'InBezitWoningcorporatie_49', period: '2024JJ00' }],
  version:
    'corporatiewoningen@2024JJ00,inkomen-per-inwoner@2024JJ00,laag-inkomen@2024JJ00,bijstand@2024MM09,ww@2024MM09,jeugdzorg@2024HJ01',
}

function card(id: string, type: string, props: object): TLShape {
  const shapeType = cardStore().schema.types.shape as unknown as { create(r: object): TLShape }
  return shapeType.create({ id: createShapeId(id), type, parentId: SEED_PAGE_ID, index: 'a1', props })
}

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

function client(store = cardStore(), doc = new Y.Doc(), readOnly = false) {
  const warn = vi.fn()
  const binding = bindStoreToYDoc({ store, doc, warn, readOnly })
  cleanups.push(() => binding.destroy())
  binding.seedIfEmpty()
  return { doc, store, warn }
}

describe('the wijk card shapes', () => {
  it('valid cards pass the store schema of a client with the custom shape utils', () => {
    const store = cardStore()
    for (const record of [card('i', INDICATOR_CARD, indicatorProps), card('c', COCKTAIL_CARD, cocktailProps)]) {
      expect(store.schema.validateRecord(store, record, 'createRecord', null)).toEqual(record)
    }
    // A hidden figure is null with its reason, which is valid too.
    const hidden = card('h', INDICATOR_CARD, { ...indicatorProps, value: null, reason: 'too-small' })
    expect(() => store.schema.validateRecord(store, hidden, 'createRecord', null)).not.toThrow()
  })

  it.each([
    ['a number as text', { value: '13895' }],
    ['an unknown hidden reason', { value: null, reason: 'geheim' }],
    ['a missing source', { sourceTable: undefined }],
    ['a label without English', { label: { nl: 'Inwoners' } }],
    ['a negative width', { w: -10 }],
  ])('rejects an indicator card with %s', (_name, patch) => {
    const store = cardStore()
    const bad = card('bad', INDICATOR_CARD, indicatorProps)
    const record = { ...bad, props: { ...bad.props, ...patch } } as TLRecord
    expect(() => store.schema.validateRecord(store, record, 'createRecord', null)).toThrow()
  })

  it.each([
    ['risk labels that are not a list of labels', { riskLabels: ['Woningen'] }],
    [
      'an unknown reason why a factor was not assessed',
      { notAssessed: [{ code: 'ww', label: { nl: 'WW', en: 'WW' }, reason: 'kwijt' }] },
    ],
    ['no number of factors', { factors: undefined }],
  ])('rejects a cocktail card with %s', (_name, patch) => {
    const store = cardStore()
    const bad = card('bad', COCKTAIL_CARD, cocktailProps)
    const record = { ...bad, props: { ...bad.props, ...patch } } as TLRecord
    expect(() => store.schema.validateRecord(store, record, 'createRecord', null)).toThrow()
  })

  it('sync between clients; an invalid card from the doc is dropped with a warning', () => {
    const a = client()
    const b = client()
    syncDocs(a.doc, b.doc)
    const good = card('good', INDICATOR_CARD, indicatorProps)
    a.store.put([good])
    syncDocs(a.doc, b.doc)
    expect(b.store.get(good.id)).toMatchObject({ type: INDICATOR_CARD, props: { value: 13895 } })

    // Someone writes a broken card straight into the doc.
    const raw = new Y.Doc()
    syncDocs(raw, b.doc)
    const bad = { ...card('bad', INDICATOR_CARD, indicatorProps), props: { ...indicatorProps, value: 'veel' } }
    const cocktail = card('cocktail', COCKTAIL_CARD, cocktailProps)
    raw.transact(() => {
      getRecordMap(raw).set(bad.id, bad)
      getRecordMap(raw).set(cocktail.id, cocktail)
    })
    syncDocs(raw, b.doc)
    expect(b.store.has(bad.id)).toBe(false)
    expect(b.store.get(cocktail.id)).toMatchObject({ props: { count: 1 } })
    expect(b.warn).toHaveBeenCalledWith('[canvas] dropped invalid record', bad.id, expect.any(String))
    expect(b.warn).toHaveBeenCalledTimes(1)
  })

  it('a client without the card utils drops every card: both places must register them', () => {
    const a = client()
    const old = client(makeStore())
    a.store.put([card('good', INDICATOR_CARD, indicatorProps)])
    syncDocs(a.doc, old.doc)
    expect(old.store.has(createShapeId('good'))).toBe(false)
    expect(old.warn).toHaveBeenCalledWith('[canvas] dropped invalid record', createShapeId('good'), expect.any(String))
  })
})

describe('indicator cards stored before issue 6', () => {
  // Until then a card also held the Dutch text of its reason; the card always showed `reason`.
  const INDICATOR_SEQUENCE = `com.tldraw.shape.${INDICATOR_CARD}`
  const olderSchema = () => {
    const current = cardStore().schema.serialize()
    return { ...current, sequences: { ...current.sequences, [INDICATOR_SEQUENCE]: 0 } }
  }
  const storedCard = () => {
    const current = card('stored', INDICATOR_CARD, { ...indicatorProps, value: null, reason: 'too-small' })
    return { ...current, props: { ...current.props, reasonText: 'te klein om te tonen' } }
  }
  const docWithStoredCard = () => {
    const doc = new Y.Doc()
    doc.getMap(META_KEY).set('schema', olderSchema())
    getRecordMap(doc).set(storedCard().id, storedCard())
    return doc
  }

  it('load with their reason, and the room is written back under the current schema', () => {
    const doc = docWithStoredCard()
    const { store, warn } = client(cardStore(), doc)
    expect(warn).not.toHaveBeenCalled()
    const loaded = store.get(storedCard().id) as TLShape
    expect(loaded.props).toMatchObject({ value: null, reason: 'too-small', indicatorCode: 'inwoners' })
    expect(loaded.props).not.toHaveProperty('reasonText')
    expect(getRecordMap(doc).get(storedCard().id)).not.toHaveProperty('props.reasonText')
    expect(doc.getMap(META_KEY).get('schema')).toEqual(cardStore().schema.serialize())
  })

  it('load on a read-only screen too, which leaves the room as it is', () => {
    const doc = docWithStoredCard()
    const { store } = client(cardStore(), doc, true)
    expect(store.get(storedCard().id)).toMatchObject({ props: { reason: 'too-small' } })
    expect(getRecordMap(doc).get(storedCard().id)).toMatchObject({ props: { reasonText: 'te klein om te tonen' } })
  })

  it('get the Dutch text back when migrated down for an older client', () => {
    const current = cardStore()
    const down = current.schema.migratePersistedRecord(
      card('h', INDICATOR_CARD, { ...indicatorProps, value: null, reason: 'not-published' }),
      olderSchema(),
      'down',
    )
    expect(down).toMatchObject({ type: 'success', value: { props: { reasonText: 'niet gepubliceerd door CBS' } } })
  })
})

describe('indicator cards stored before a threshold could decide their risk', () => {
  const INDICATOR_SEQUENCE = `com.tldraw.shape.${INDICATOR_CARD}`
  const versionTwo = () => {
    const current = cardStore().schema.serialize()
    return { ...current, sequences: { ...current.sequences, [INDICATOR_SEQUENCE]: 2 } }
  }

  it("load with the catalogue's rule as their reason, and lose the threshold for an older client", () => {
    const current = cardStore()
    const stored = card('before-threshold', INDICATOR_CARD, { ...indicatorProps, isRisk: true })
    const props: Record<string, unknown> = { ...stored.props }
    delete props.riskThreshold
    const up = current.schema.migratePersistedRecord({ ...stored, props } as typeof stored, versionTwo(), 'up')
    expect(up).toMatchObject({ type: 'success', value: { props: { isRisk: true, riskThreshold: null } } })

    const judged = card('threshold', INDICATOR_CARD, {
      ...indicatorProps,
      isRisk: true,
      riskThreshold: { value: 5, direction: 'higher' },
    })
    expect(current.schema.validateRecord(current, judged, 'initialize', null)).toMatchObject({
      props: { riskThreshold: { value: 5, direction: 'higher' } },
    })
    const down = current.schema.migratePersistedRecord(judged, versionTwo(), 'down')
    expect(down).toMatchObject({ type: 'success', value: { props: { isRisk: true } } })
    expect(down).not.toHaveProperty('value.props.riskThreshold')
  })
})

describe('cocktail cards stored before issue 11', () => {
  // Until then a card kept the profile's Dutch summary, and neither the number of factors nor
  // which of them could not be assessed ("2 van 2" while 4 of 6 factors were unknown).
  const COCKTAIL_SEQUENCE = `com.tldraw.shape.${COCKTAIL_CARD}`
  const olderSchema = () => {
    const current = cardStore().schema.serialize()
    return { ...current, sequences: { ...current.sequences, [COCKTAIL_SEQUENCE]: 0 } }
  }
  const storedCard = () => {
    const current = card('stored-cocktail', COCKTAIL_CARD, cocktailProps)
    const props: Record<string, unknown> = {
      ...current.props,
      summary: 'In Binnenstad ligt 1 van de 2 bekeken cijfers duidelijk ongunstiger dan in ’s-Hertogenbosch.',
    }
    delete props.factors
    delete props.notAssessed
    delete props.sources
    return { ...current, props }
  }

  it('load with the number of factors from their version, and say that which were missing is not known', () => {
    const doc = new Y.Doc()
    doc.getMap(META_KEY).set('schema', olderSchema())
    getRecordMap(doc).set(storedCard().id, storedCard())
    const { store, warn } = client(cardStore(), doc)
    expect(warn).not.toHaveBeenCalled()
    const loaded = store.get(storedCard().id) as TLShape
    expect(loaded.props).toMatchObject({ factors: 6, assessed: 2, count: 1, notAssessed: null, sources: [] })
    expect(loaded.props).not.toHaveProperty('summary')
  })

  it('get a Dutch summary back when migrated down for an older client', () => {
    const down = cardStore().schema.migratePersistedRecord(
      card('c', COCKTAIL_CARD, cocktailProps),
      olderSchema(),
      'down',
    )
    expect(down.type).toBe('success')
    const props = (down as { value: TLShape }).value.props as Record<string, unknown>
    expect(props.summary).toMatch(/^In Binnenstad ligt 1 van de 2 beoordeelde factoren/)
    expect(props.summary).toContain('4 van de 6 factoren konden we niet beoordelen')
    expect(props).not.toHaveProperty('notAssessed')
  })
})
