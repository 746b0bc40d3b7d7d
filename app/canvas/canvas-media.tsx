import { createContext, useContext, useEffect } from 'react'
import {
  AssetToolbarItem,
  defaultHandleExternalFileContent,
  defaultHandleExternalFileReplaceContent,
  useEditor,
  useToasts,
  useTranslation,
  type TLImageShape,
} from 'tldraw'

/**
 * Whether participants may put pictures on the canvas now: the session's photo switch
 * (`mediaAllowed` in its live state). The server refuses their pictures otherwise
 * (app/rooms/permissions.ts), so the canvas offers them nothing to upload while it is off.
 */
export const MediaContext = createContext(false)

const isPicture = (file: File) => file.type.startsWith('image/')

/**
 * A participant's dropped, pasted or picked files (rendered inside <Tldraw>, where its toasts and
 * texts are): pictures go the usual tldraw way, through the canvas's asset store to the server,
 * while photos are allowed; otherwise, and for anything else, nothing happens, rather than a
 * picture the server would refuse (and the canvas would have to be reset for).
 */
export function ParticipantFiles() {
  const editor = useEditor()
  const toasts = useToasts()
  const msg = useTranslation()
  const allowed = useContext(MediaContext)
  useEffect(() => {
    const ignore = async () => {}
    const options = { toasts, msg }
    editor.registerExternalContentHandler('files', (content) =>
      allowed
        ? defaultHandleExternalFileContent(editor, { ...content, files: content.files.filter(isPicture) }, options)
        : ignore(),
    )
    editor.registerExternalContentHandler('file-replace', (content) =>
      allowed && isPicture(content.file) ? defaultHandleExternalFileReplaceContent(editor, content, options) : ignore(),
    )
    return () => {
      editor.registerExternalContentHandler('files', ignore)
      editor.registerExternalContentHandler('file-replace', ignore)
    }
  }, [editor, allowed, toasts, msg])
  return null
}

/** The toolbar's picture button, for participants only while photos are allowed. */
export function MediaToolbarItem() {
  return useContext(MediaContext) ? <AssetToolbarItem /> : null
}

/** The longest side, in page units, a picture put on the canvas here starts with (three notes wide). */
export const PICTURE_SIDE = 600

/**
 * Pictures put on the canvas here start at most PICTURE_SIDE on their longest side, centred
 * where tldraw put them: tldraw sizes them by their pixels, and a phone photo would otherwise
 * cover a whole frame on every screen. People can make them bigger afterwards.
 */
export function PictureSize() {
  const editor = useEditor()
  useEffect(
    () =>
      editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
        if (source !== 'user' || shape.type !== 'image') return shape
        const { w, h } = (shape as TLImageShape).props
        const scale = PICTURE_SIDE / Math.max(w, h)
        if (scale >= 1) return shape
        const size = { w: Math.round(w * scale), h: Math.round(h * scale) }
        return {
          ...shape,
          x: shape.x + (w - size.w) / 2,
          y: shape.y + (h - size.h) / 2,
          props: { ...shape.props, ...size },
        } as TLImageShape
      }),
    [editor],
  )
  return null
}
