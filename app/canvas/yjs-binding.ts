import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type IndexKey,
  type SerializedSchema,
  type TLPageId,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import type * as Y from 'yjs'
import { compareStoredSchema, type SchemaRelation } from './schema-compat'
import { getRecordMap, type RecordRepresentation } from './y-records'

/**
 * Binding between a Y.Doc and a tldraw store. Framework-free, so it runs in Node tests.
 * Design and measurements: docs/decisions/003-tldraw-yjs-binding.md.
 */

/** Y.Map holding `{ schema: SerializedSchema }` for the records in the doc. */
export const META_KEY = 'tl_meta'

/**
 * The one page every client seeds. This is deliberately tldraw's own default page id: tldraw's
 * integrity checker (run after every `mergeRemoteChanges`) creates `page:page` whenever a store has
 * no page, so any other fixed id could still end in two pages.
 */
export const SEED_PAGE_ID = 'page:page' as TLPageId
export const SEED_PAGE_NAME = 'Pagina 1'

export type BindingProblem = 'newer-schema' | 'migration-failed'

export interface BindOptions {
  store: TLStore
  doc: Y.Doc
  /** A projector or viewer: never writes into the doc. */
  readOnly?: boolean
  /**
   * Write records migrated to a newer schema back into the doc (default true). Off for
   * participants: the server lets them change only their own records, so the facilitator's
   * browser migrates the shared doc (docs/decisions/010-rooms.md).
   */
  migrateDoc?: boolean
  representation?: RecordRepresentation
  /** Called when writing becomes impossible (or possible again). */
  onProblem?: (problem: BindingProblem | null) => void
  warn?: (message: string, ...details: unknown[]) => void
}

export interface YjsStoreBinding {
  readonly problem: BindingProblem | null
  readonly canWrite: boolean
  /** Puts the fixed document and page records in place when the doc has none (safe to repeat). */
  seedIfEmpty(): void
  destroy(): void
}

interface RecordLike {
  id: string
  typeName: string
}

function isRecordLike(value: unknown): value is RecordLike {
  if (!value || typeof value !== 'object') return false
  const v = value as Partial<RecordLike>
  return typeof v.id === 'string' && typeof v.typeName === 'string'
}

/**
 * Loads the records in `doc` into `store` and keeps both in step from then on. Call it once the
 * doc holds what there is to know (local persistence loaded and, when online, the first server
 * sync), then `seedIfEmpty()`.
 */
export function bindStoreToYDoc(opts: BindOptions): YjsStoreBinding {
  const { store, doc, readOnly = false } = opts
  const warn = opts.warn ?? ((message: string, ...details: unknown[]) => console.warn(message, ...details))
  // Origin of our own transactions, so their doc events are not applied back to the store.
  const origin = { source: 'wijkatelier-canvas' }
  const records = getRecordMap(doc, opts.representation)
  const meta = doc.getMap<unknown>(META_KEY)
  const currentSchema = store.schema.serialize()

  let problem: BindingProblem | null = null
  let relation: SchemaRelation = compareStoredSchema(store, meta.get('schema'))
  let storedSchema = meta.get('schema') as SerializedSchema | undefined
  // A browser that may not migrate the doc writes nothing while the doc is older than its schema:
  // its records would be migrated a second time by whoever migrates the doc.
  const canWrite = () => !readOnly && problem === null && (opts.migrateDoc !== false || relation !== 'older')

  function setProblem(next: BindingProblem | null) {
    if (next === problem) return
    problem = next
    opts.onProblem?.(next)
  }

  /** A value from the doc as a valid, current-schema record, or null (logged) when unusable. */
  function toStoreRecord(id: string, value: unknown, migrate = relation === 'older'): TLRecord | null {
    if (!isRecordLike(value) || value.id !== id) {
      warn('[canvas] dropped malformed record from the doc', id)
      return null
    }
    const type = (store.schema.types as Record<string, { scope: string } | undefined>)[value.typeName]
    if (!type || type.scope !== 'document') {
      warn('[canvas] dropped record of unknown or non-document type', id, value.typeName)
      return null
    }
    let record = value as TLRecord
    if (migrate && storedSchema) {
      const migrated = store.schema.migratePersistedRecord(record, storedSchema)
      if (migrated.type === 'error') {
        warn('[canvas] dropped record that could not be migrated', id, migrated.reason)
        return null
      }
      record = migrated.value
    }
    try {
      const before = store.get(record.id) ?? null
      return store.schema.validateRecord(store, record, before ? 'updateRecord' : 'createRecord', before)
    } catch (error) {
      warn('[canvas] dropped invalid record', id, error instanceof Error ? error.message : error)
      return null
    }
  }

  function applyToStore(put: TLRecord[], remove: TLRecord['id'][]) {
    if (put.length === 0 && remove.length === 0) return
    try {
      store.mergeRemoteChanges(() => {
        if (remove.length > 0) store.remove(remove)
        if (put.length > 0) store.put(put)
      })
    } catch (error) {
      // A record that passes validation can still trip the store (e.g. a broken reference).
      warn('[canvas] could not apply remote changes', error)
    }
  }

  function checkSchema() {
    storedSchema = meta.get('schema') as SerializedSchema | undefined
    relation = compareStoredSchema(store, storedSchema)
    if (relation === 'newer') setProblem('newer-schema')
  }

  // --- initial load -------------------------------------------------------------------------
  checkSchema()
  let initial = Object.fromEntries(records.entries())
  let initialMigrated = false
  if (relation === 'older' && storedSchema) {
    const migrated = store.schema.migrateStoreSnapshot({
      store: initial as Record<string, TLRecord>,
      schema: storedSchema,
    })
    if (migrated.type === 'error') {
      warn('[canvas] the stored canvas could not be migrated', migrated.reason)
      setProblem('migration-failed')
    } else {
      initial = migrated.value
      initialMigrated = true
      if (canWrite() && opts.migrateDoc !== false) {
        // Write the migrated records back so older clients see a newer schema and stop writing.
        doc.transact(() => {
          for (const [id, record] of Object.entries(migrated.value)) records.set(id, record)
          for (const id of records.entries().map(([key]) => key)) {
            if (!(id in migrated.value)) records.delete(id)
          }
          meta.set('schema', currentSchema)
        }, origin)
        storedSchema = currentSchema
        relation = 'same'
      }
    }
  } else if (relation === 'missing' && canWrite()) {
    doc.transact(() => meta.set('schema', currentSchema), origin)
    storedSchema = currentSchema
    relation = 'same'
  }
  applyToStore(
    Object.entries(initial)
      .map(([id, value]) => toStoreRecord(id, value, relation === 'older' && !initialMigrated))
      .filter((r): r is TLRecord => r !== null),
    [],
  )

  // --- doc → store ----------------------------------------------------------------------------
  const onMeta = (_event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    if (tr.origin !== origin) checkSchema()
  }
  meta.observe(onMeta)

  const offRecords = records.onChange((changes, txOrigin) => {
    if (txOrigin === origin) return
    const put: TLRecord[] = []
    const remove: TLRecord['id'][] = []
    for (const [id, change] of changes) {
      if (change === undefined) {
        if (store.has(id as TLRecord['id'])) remove.push(id as TLRecord['id'])
        continue
      }
      const record = toStoreRecord(id, change.value)
      if (record) put.push(record)
    }
    applyToStore(put, remove)
  })

  // --- store → doc ----------------------------------------------------------------------------
  const offStore = store.listen(
    ({ changes }) => {
      if (!canWrite()) return
      doc.transact(() => {
        for (const record of Object.values(changes.added)) records.set(record.id, record)
        for (const [, record] of Object.values(changes.updated)) records.set(record.id, record)
        for (const record of Object.values(changes.removed)) records.delete(record.id)
      }, origin)
    },
    { source: 'user', scope: 'document' },
  )

  return {
    get problem() {
      return problem
    },
    get canWrite() {
      return canWrite()
    },
    seedIfEmpty() {
      const seed: TLRecord[] = []
      if (!records.has(TLDOCUMENT_ID)) {
        seed.push(DocumentRecordType.create({ id: TLDOCUMENT_ID, name: '' }))
      }
      const hasPage = records.entries().some(([, value]) => isRecordLike(value) && value.typeName === 'page')
      if (!hasPage) {
        seed.push(PageRecordType.create({ id: SEED_PAGE_ID, name: SEED_PAGE_NAME, index: 'a1' as IndexKey, meta: {} }))
      }
      if (seed.length === 0) return
      if (canWrite()) doc.transact(() => seed.forEach((r) => records.set(r.id, r)), origin)
      // Also (or only, when read-only) into the store, so the editor never invents its own page.
      applyToStore(seed, [])
    },
    destroy() {
      offStore()
      offRecords()
      meta.unobserve(onMeta)
    },
  }
}
