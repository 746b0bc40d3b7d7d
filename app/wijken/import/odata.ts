import { importIssue, type ImportIssue, type RawCell, type RawTable } from './types'

type Json = unknown

const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isMetadataObject = (v: Json) =>
  isRecord(v) && typeof v['odata.type'] === 'string' && String(v['odata.type']).startsWith('Cbs.OData.')

function cell(v: Json): RawCell | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  return undefined
}

/**
 * Reads CBS OData JSON in the shapes found in the wild:
 * - the OData v3 envelope `{ "odata.metadata": …, "value": [ typed rows ] }`, optionally with a
 *   `DataProperties` array beside `value` (used to map column keys);
 * - a bare array of typed rows, as the `cbsodata` Python client saves it;
 * - an object keyed by region code, `{ "GM0796": { "AantalInwoners_5": 160757, … } }`; the key
 *   becomes the `Codering` cell.
 * Metadata files (DataProperties, TableInfos) are refused: they hold no figures.
 */
export function parseCbsJson(text: string): {
  table: RawTable
  issues: ImportIssue[]
} {
  const table: RawTable = { format: 'odata', columns: [], rows: [] }
  let json: Json
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    return { table, issues: [importIssue('import.issue.json.invalid', { error: (error as Error).message })] }
  }

  let records: [Record<string, Json>, string | null][] = []
  if (isRecord(json) && Array.isArray(json.value)) {
    if (typeof json['odata.metadata'] === 'string') table.metadata = json['odata.metadata']
    if (Array.isArray(json.DataProperties)) {
      table.dataPropertyKeys = json.DataProperties.filter((p) => isRecord(p) && p.Type === 'Topic').map((p) =>
        String((p as Record<string, Json>).Key),
      )
    }
    json = json.value
  }
  if (Array.isArray(json)) {
    if (json.length > 0 && json.every(isMetadataObject)) {
      return { table, issues: [importIssue('import.issue.json.metadata')] }
    }
    for (const [i, row] of json.entries()) {
      if (!isRecord(row))
        return { table, issues: [importIssue('import.issue.json.rowNotObject', undefined, { line: i + 1 })] }
      records.push([row, null])
    }
  } else if (isRecord(json)) {
    records = Object.entries(json).map(([key, row]) => [isRecord(row) ? row : {}, key])
    if (Object.values(json).some((row) => !isRecord(row)))
      return { table, issues: [importIssue('import.issue.json.shape')] }
  } else {
    return { table, issues: [importIssue('import.issue.json.shape')] }
  }

  const issues: ImportIssue[] = []
  const columns = new Set<string>()
  records.forEach(([record, regionKey], i) => {
    const cells: Record<string, RawCell> = {}
    if (regionKey !== null) {
      cells.Codering = regionKey
      columns.add('Codering')
    }
    for (const [key, value] of Object.entries(record)) {
      if (key.startsWith('odata.') || key.startsWith('__')) continue
      const c = cell(value)
      if (c === undefined) {
        issues.push(importIssue('import.issue.json.value', undefined, { line: i + 1, column: key }))
        continue
      }
      cells[key] = c
      columns.add(key)
    }
    table.rows.push({ line: i + 1, cells })
  })
  table.columns = [...columns]
  return { table, issues }
}
