import type { TLAsset, TLAssetStore } from 'tldraw'
import { downscaleToJpeg, sendPhoto } from '~/participant/photo'

/**
 * Where the canvas keeps pictures someone drops, pastes or picks (tldraw's asset store): not in
 * the room's document, which tldraw would otherwise fill with the whole file as a `data:` URL,
 * but on the server, through the same photo API as the phone page: made small and clean in the
 * browser (downscaleToJpeg), stored without its metadata (`?shape=none`: tldraw places the image
 * itself), and `src` is the same-origin address it is served from to people in the session
 * (docs/decisions/011-participant-photos.md). Only photos: anything the browser cannot draw as a
 * picture (a video) is refused, and tldraw says the upload failed.
 */
export function photoAssetStore(sessionId: string | undefined): TLAssetStore {
  return {
    async upload(_asset: TLAsset, file: File, abortSignal?: AbortSignal) {
      if (!sessionId) throw new Error('pictures are stored with a werksessie only')
      if (!file.type.startsWith('image/')) throw new Error(`not a picture: ${file.type}`)
      const ready = await downscaleToJpeg(file)
      const sent = await sendPhoto(sessionId, ready.blob, { shape: 'none', signal: abortSignal })
      if (!sent.ok) throw new Error(sent.message || `upload refused (${sent.status})`)
      return { src: sent.src }
    },
    // The stored address is served as it is, to whoever may see the session; older `data:`
    // pictures are shown as they are too.
    resolve: (asset) => (asset.type === 'image' || asset.type === 'video' ? asset.props.src : null),
  }
}
