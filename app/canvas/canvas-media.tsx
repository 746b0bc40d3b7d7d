import { createContext, useContext, useEffect } from 'react'
import {
  AssetToolbarItem,
  defaultHandleExternalFileContent,
  defaultHandleExternalFileReplaceContent,
  useEditor,
  useToasts,
  useTranslation,
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
