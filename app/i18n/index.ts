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

export type MessageVars = Record<string, string | number>

/**
 * A text that travels before it is shown (a thrown page error, a field error, an API error):
 * a key, or a key with its variables as made by `message()`. Never the text itself, so it can
 * be shown in the reader's language where it lands.
 */
export type Message = MessageKey | `${MessageKey}?${string}`

/** `message('error.throttled.other', { minutes: 14 })`: a key and its variables as one string. */
export function message(key: MessageKey, vars?: MessageVars): Message {
  if (!vars) return key
  return `${key}?${new URLSearchParams(Object.entries(vars).map(([name, value]) => [name, String(value)]))}`
}

/** The one way UI text is looked up: `t('nl', 'sessions.wijk', { code: 'WK079601' })`. */
export function t(locale: Locale, key: MessageKey | `role.${string}`, vars?: MessageVars): string {
  const dict = dictionaries[locale]
  const text = (dict as Record<string, string>)[key] ?? (nl as Record<string, string>)[key] ?? key
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text
}

/**
 * A text that may be a `Message` (validation and error messages are) or already a text (data,
 * such as a name): messages are translated with their variables, texts are kept.
 */
export function translate(locale: Locale, text: string): string {
  const query = text.indexOf('?')
  const key = query < 0 ? text : text.slice(0, query)
  if (!Object.hasOwn(dictionaries[locale], key)) return text
  const vars = query < 0 ? undefined : Object.fromEntries(new URLSearchParams(text.slice(query + 1)))
  return t(locale, key as MessageKey, vars)
}

/** Every value of a `{ field: message }` object through `translate`. */
export function translateAll(locale: Locale, messages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, translate(locale, v)]))
}
