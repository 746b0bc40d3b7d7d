import type { MetaArgs } from '@remix-run/node'
import { isLocale, t, type Locale, type MessageKey } from './index'

/** The page's locale as the root loader decided it, for `meta` functions (which cannot use hooks). */
export function metaLocale(matches: MetaArgs['matches']): Locale {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined
  return isLocale(root?.locale) ? root.locale : 'nl'
}

/** `<title>` for a page: the text of `key` (or a given text), then the product name. */
export function pageTitle(matches: MetaArgs['matches'], key: MessageKey, vars?: Record<string, string | number>) {
  return [{ title: `${t(metaLocale(matches), key, vars)} · ${t(metaLocale(matches), 'app.name')}` }]
}

/** `<title>` from a text that is data (a session title, a wijk name), with the product name. */
export function dataTitle(...parts: (string | null | undefined)[]) {
  return [{ title: [...parts.filter(Boolean), 'Wijkatelier'].join(' · ') }]
}
