import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLocale } from '~/i18n'
import { localeCookie } from '~/i18n/locale.server'
import { safeRedirectPath } from '~/safe-redirect'

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const locale = form.get('locale')
  const back = safeRedirectPath(form.get('terug'))
  if (!isLocale(locale)) return redirect(back)
  return redirect(back, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } })
}

export const loader = () => redirect('/')
