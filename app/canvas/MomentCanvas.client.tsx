import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useMemo, useState } from 'react'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  loadSnapshot,
  Tldraw,
  type SerializedSchema,
  type TLRecord,
} from 'tldraw'
import 'tldraw/tldraw.css'
import type { Locale } from '~/i18n'
import { LicenseNotice } from './canvas-notices'
import { customShapeUtils } from './cards'
import { CardContext } from './cards/card-context'
import { licenseProblem } from './license'

export interface MomentCanvasProps {
  /** the records of a kept moment, as the server read them from the room (history.server.ts) */
  records: unknown[]
  /** the schema they were written with; null for a canvas that never stored one */
  schema: unknown
  locale: Locale
  licenseKey: string | undefined
  /** shown instead of the canvas when the records cannot be loaded */
  fallback: React.ReactNode
}

const assetUrls = getAssetUrlsByImport()
const shapeUtils = [...defaultShapeUtils, ...customShapeUtils]
const cardValue = { canRefresh: false }

/**
 * A canvas as it was at a moment of its history: a local tldraw store, read-only, no Yjs and no
 * connection. Records written with an older schema are migrated as tldraw loads them.
 */
export function MomentCanvas({ records, schema, locale, licenseKey, fallback }: MomentCanvasProps) {
  const [license] = useState(() =>
    licenseProblem({
      licenseKey,
      protocol: window.location.protocol,
      hostname: window.location.hostname,
      isProduction: import.meta.env.PROD,
    }),
  )
  const store = useMemo(() => {
    const created = createTLStore({ shapeUtils, bindingUtils: defaultBindingUtils })
    try {
      const byId = Object.fromEntries((records as TLRecord[]).map((record) => [record.id, record]))
      loadSnapshot(created, { store: byId, schema: (schema as SerializedSchema | null) ?? created.schema.serialize() })
      return created
    } catch (error) {
      console.warn('[history] could not load the moment', error)
      return null
    }
  }, [records, schema])
  const cardContext = useMemo(() => ({ ...cardValue, locale }), [locale])
  if (license) return <LicenseNotice isFacilitator locale={locale} />
  if (!store) return <>{fallback}</>
  return (
    <CardContext.Provider value={cardContext}>
      <Tldraw
        store={store}
        shapeUtils={customShapeUtils}
        assetUrls={assetUrls}
        licenseKey={licenseKey}
        onMount={(editor) => {
          editor.updateInstanceState({ isReadonly: true })
          editor.zoomToFit({ animation: { duration: 0 } })
        }}
      />
    </CardContext.Provider>
  )
}

export default MomentCanvas
