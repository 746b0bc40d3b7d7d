import { useRouteLoaderData } from '@remix-run/react'
import { isLocale, t, type Locale, type MessageKey } from './index'

/** The page's locale (from the root loader) and a bound `t`. */
export function useT() {
  const data = useRouteLoaderData('root') as { locale?: string } | undefined
  const locale: Locale = isLocale(data?.locale) ? data.locale : 'nl'
  return {
    locale,
    t: (key: MessageKey | `role.${string}`, vars?: Record<string, string | number>) => t(locale, key, vars),
  }
}
