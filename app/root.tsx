import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorPage } from './components/ErrorPage'
import { isAdministrator } from './auth/admin.server'
import { getUser } from './auth/session.server'
import { db } from './db.server'
import { getLocale } from './i18n/locale.server'
import stylesHref from './styles/app.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]

export const meta: MetaFunction = () => [{ title: 'Wijkatelier' }] // the product name: the same in every language

export async function loader({ request }: LoaderFunctionArgs) {
  // Whether the header offers the import page (administrators only; issue 11).
  const user = await getUser(db(), request)
  return { locale: await getLocale(request), isAdmin: isAdministrator(user) }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  return (
    <html lang={data?.locale ?? 'nl'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <ErrorPage />
}
