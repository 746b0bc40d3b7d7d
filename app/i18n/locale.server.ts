import { createCookie } from '@remix-run/node'
import { isLocale, type Locale } from './index'

export const localeCookie = createCookie('wa_lang', { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 60 * 60 })

/** Dutch unless the person chose English. */
export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get('Cookie'))
  return isLocale(value) ? value : 'nl'
}
