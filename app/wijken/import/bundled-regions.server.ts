import fs from 'node:fs'
import { boundariesPath, parseBoundaries } from '~/wijken/map.server'

let names: Map<string, string> | null = null

/**
 * The CBS names of the wijken and gemeenten in the bundled boundaries (Wijk- en buurtkaart 2024):
 * a region list that is known before any table is imported. Read once.
 */
export function bundledRegionNames(): ReadonlyMap<string, string> {
  if (!names) {
    names = new Map()
    try {
      for (const f of parseBoundaries(fs.readFileSync(boundariesPath(), 'utf8'))) if (f.name) names.set(f.code, f.name)
    } catch {
      // Without the bundled file only the database's regions are known; imports still work.
    }
  }
  return names
}
