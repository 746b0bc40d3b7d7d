import { createContext, useContext, useEffect, useState } from 'react'
import type { Locale } from '~/i18n'
import type { CardProfile } from './snapshot'

export interface CardContextValue {
  locale: Locale
  /**
   * Whether this person may check for newer figures and refresh a card in place: the
   * facilitator on an editable canvas. Participants and the projector only see the cards.
   */
  canRefresh: boolean
}

/** Given by CollabCanvas around <Tldraw>; shape components read it (they render inside its tree). */
export const CardContext = createContext<CardContextValue>({ locale: 'nl', canRefresh: false })
export const useCardContext = () => useContext(CardContext)

/** Below this zoom level a card shows only its label and big value, so it stays readable. */
export const COMPACT_ZOOM = 0.6

// One request per wijk per page, shared by every card of that wijk.
const profiles = new Map<string, Promise<CardProfile | null>>()

export function fetchLatestProfile(wijkCode: string): Promise<CardProfile | null> {
  let pending = profiles.get(wijkCode)
  if (!pending) {
    pending = fetch(`/api/v1/wijken/${encodeURIComponent(wijkCode)}`, { headers: { Accept: 'application/json' } })
      .then((res) => (res.ok ? (res.json() as Promise<CardProfile>) : null))
      .catch(() => {
        // Offline or a hiccup: forget it, so a card mounted later tries again.
        profiles.delete(wijkCode)
        return null
      })
    profiles.set(wijkCode, pending)
  }
  return pending
}

/** The wijk's current profile from the API when `enabled`, else (and until it arrives) null. */
export function useLatestProfile(wijkCode: string, enabled: boolean): CardProfile | null {
  const [profile, setProfile] = useState<CardProfile | null>(null)
  useEffect(() => {
    if (!enabled || !wijkCode) return
    let live = true
    void fetchLatestProfile(wijkCode).then((p) => live && setProfile(p))
    return () => {
      live = false
    }
  }, [wijkCode, enabled])
  return enabled ? profile : null
}
