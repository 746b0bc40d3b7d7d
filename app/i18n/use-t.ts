import { useRouteLoaderData } from '@remix-run/react'
import { isLocale, t, translate, type Locale, type MessageKey } from './index'

/** The page's locale (from the root loader) and a bound `t`. */
export function useT() {
  const data = useRouteLoaderData('root') as { locale?: string } | undefined
  const locale: Locale = isLocale(data?.locale) ? data.locale : 'nl'
  return {
    locale,
    t: (key: MessageKey | `role.${string}`, vars?: Record<string, string | number>) => t(locale, key, vars),
    /** For messages from the server that may be keys: translated when they are. */
    tx: (text: string | undefined) => (text ? translate(locale, text) : undefined),
  }
}
