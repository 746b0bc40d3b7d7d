import { DefaultPeopleMenu } from 'tldraw'
import { LockControls } from '~/canvas/CanvasLocks'

/**
 * A facilitator's top-right panel: tldraw's people list (where anyone can follow anyone, as
 * participants have it by default) beside the lock controls that took its place.
 */
export function FacilitatorSharePanel() {
  return (
    <div className="tlui-share-zone facilitator-share" draggable={false} style={{ display: 'flex', gap: 4 }}>
      <DefaultPeopleMenu />
      <LockControls />
    </div>
  )
}
