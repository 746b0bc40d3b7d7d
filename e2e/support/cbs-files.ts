import fs from 'node:fs'
import path from 'node:path'

/**
 * A large CBS file for the import tests and `bench:import`: the bundled KWB table of two gemeenten
 * (`source`) with `extra` synthetic buurten (same columns, new codes and names; ~100 values each),
 * and `addInhabitants` more inhabitants in every region it already had, so old and new figures
 * differ. Written into `dir` as `name`; returns its path.
 */
export function bigKwbFile(
  source: string,
  dir: string,
  {
    extra,
    addInhabitants = 0,
    name = '85984NED_kwb2024_bench.csv',
  }: { extra: number; addInhabitants?: number; name?: string },
): string {
  const lines = fs
    .readFileSync(source, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
  const template = lines.find((l) => /;BU0758\d{4}\s*;/.test(l))!
  const cells = template.split(';')
  const out = lines.map((line, i) => {
    if (i === 0 || addInhabitants === 0) return line
    // AantalInwoners_5 is the seventh field
    const fields = line.split(';')
    if (fields[6] !== '') fields[6] = String(Number(fields[6]) + addInhabitants)
    return fields.join(';')
  })
  for (let i = 0; i < extra; i++) {
    const code = `BU0758${String(5000 + (i % 5000)).padStart(4, '0')}`
    // beyond 5 000 the extra buurten go to 's-Hertogenbosch
    const full = i < 5000 ? code : `BU0796${String(5000 + (i % 5000)).padStart(4, '0')}`
    const row = [...cells]
    row[0] = String(100000 + i)
    row[1] = `Proefbuurt ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`
    if (i >= 5000) row[2] = "'s-Hertogenbosch"
    row[4] = full
    out.push(row.join(';'))
  }
  const file = path.join(dir, name)
  fs.writeFileSync(file, out.join('\n') + '\n')
  return file
}
