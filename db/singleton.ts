/**
 * One value per process, however many module graphs load this file: the Node server and the
 * Remix build (and Vite's dev reloads) each evaluate modules afresh, so a plain module-level
 * `const` would exist twice. The Epic Stack's `singleton.server.ts`, kept in db/ because db/
 * imports nothing from app/ while app/ and server/ may import db/, so all three can share it.
 */
declare global {
  var __wijkatelierSingletons: Map<string, unknown> | undefined
}

export function singleton<Value>(name: string, factory: () => Value): Value {
  const values = (globalThis.__wijkatelierSingletons ??= new Map<string, unknown>())
  if (!values.has(name)) values.set(name, factory())
  return values.get(name) as Value
}
