/**
 * The canonical JSON of a saved version's content (issue 10): the text its sha-256 is taken of.
 * The same content must always give the same text, whichever order a peer's map happened to
 * hold its keys in, so the hash can show a version was never changed.
 */

/**
 * Object keys sorted (by UTF-16 code units, what `Array.prototype.sort` does, so any runtime
 * agrees) at every depth, arrays in their order, no whitespace. Undefined object members are
 * dropped and an undefined array element becomes null, as JSON.stringify does. -0 is written
 * 0. Refused with a TypeError: non-finite numbers (JSON would silently write null), bigints,
 * functions, symbols, non-plain objects (Date, Map, class instances) and cycles: none of them
 * belong in tldraw's JSON records, and guessing would make two different contents hash alike.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError('canonicalJson: undefined is not JSON')
  return write(value, new Set())
}

function write(value: unknown, path: Set<object>): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a finite number`)
      return Object.is(value, -0) ? '0' : JSON.stringify(value)
    case 'object':
      break
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`)
  }
  const object = value as object
  if (path.has(object)) throw new TypeError('canonicalJson: the value contains a cycle')
  path.add(object)
  let out: string
  if (Array.isArray(object)) {
    out = `[${object.map((item) => (item === undefined ? 'null' : write(item, path))).join(',')}]`
  } else {
    const proto = Object.getPrototypeOf(object)
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError('canonicalJson: only plain objects and arrays are JSON')
    }
    const record = object as Record<string, unknown>
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], path)}`)
    out = `{${members.join(',')}}`
  }
  path.delete(object)
  return out
}
