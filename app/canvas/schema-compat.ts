import type { SerializedSchema, TLStore } from 'tldraw'

/**
 * How the tldraw schema stored in a Y.Doc relates to this client's schema.
 * - `missing`: nothing stored yet (new room, or a doc written before we stored it)
 * - `same`: no migrations needed
 * - `older`: stored records need migrating up before this client can use them
 * - `newer`: written by a newer client; this client must not write and should be reloaded
 */
export type SchemaRelation = 'missing' | 'same' | 'older' | 'newer'

// Only the store's schema is read, so the server can ask with a schema of its own (app/interventions/tl-content.ts).
export function compareStoredSchema(store: { schema: TLStore['schema'] }, stored: unknown): SchemaRelation {
  if (!isSerializedSchema(stored)) return 'missing'
  const current = store.schema.serialize()
  if (stored.schemaVersion > current.schemaVersion) return 'newer'
  if (stored.schemaVersion === 2 && 'sequences' in stored) {
    for (const [sequenceId, version] of Object.entries(stored.sequences)) {
      const ours = current.sequences[sequenceId]
      // A sequence we have never heard of comes from a newer tldraw (or a shape we don't have).
      if (ours === undefined || version > ours) return 'newer'
    }
  }
  const migrations = store.schema.getMigrationsSince(stored)
  // tldraw reports an unknown migration id as an error: that is data from a newer client.
  if (!migrations.ok) return 'newer'
  return migrations.value.length > 0 ? 'older' : 'same'
}

function isSerializedSchema(value: unknown): value is SerializedSchema {
  if (!value || typeof value !== 'object') return false
  const v = value as { schemaVersion?: unknown; sequences?: unknown; recordVersions?: unknown }
  return (
    typeof v.schemaVersion === 'number' &&
    ((typeof v.sequences === 'object' && v.sequences !== null) ||
      (typeof v.recordVersions === 'object' && v.recordVersions !== null))
  )
}
