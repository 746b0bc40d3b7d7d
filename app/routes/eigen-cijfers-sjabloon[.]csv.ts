import { ownTableTemplate } from '~/wijken/own/template'

/** GET /eigen-cijfers-sjabloon.csv: the template for an organisation's own figures (no data in it). */
export function loader() {
  return new Response(ownTableTemplate, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="eigen-cijfers-sjabloon.csv"',
    },
  })
}
