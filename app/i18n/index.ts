import { en } from './en'
import { nl, type MessageKey } from './nl'

/** The one home of the locale rule: Dutch first, then English. */
export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]
export type { MessageKey }

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en }

export function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale)
}

/** The one way UI text is looked up: `t('nl', 'sessions.wijk', { code: 'WK079601' })`. */
export function t(locale: Locale, key: MessageKey | `role.${string}`, vars?: Record<string, string | number>): string {
  const dict = dictionaries[locale]
  const text = (dict as Record<string, string>)[key] ?? (nl as Record<string, string>)[key] ?? key
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text
}

/**
 * A message that may be a key (validation messages are keys) or already a text (e.g. a count
 * of minutes in a throttle message): keys are translated, texts are kept.
 */
export function translate(locale: Locale, text: string): string {
  return text in dictionaries[locale] ? t(locale, text as MessageKey) : text
}

/** Every value of a `{ field: message }` object through `translate`. */
export function translateAll(locale: Locale, messages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, translate(locale, v)]))
}
