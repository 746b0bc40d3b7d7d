import type { importNl } from './import.nl'

export const importEn: Record<keyof typeof importNl, string> = {
  'import.where.line': 'line {line}',
  'import.where.column': 'column {column}',

  'import.issue.unreadable': 'The file does not exist or cannot be read.',
  'import.issue.unknownTable':
    'Unknown CBS table. The columns match no table Wijkatelier knows. Are these own figures or another CBS table? Then import the file under "Import own figures" (or with import:table).',
  'import.issue.ambiguousTable':
    'The columns match more than one CBS table ({tables}). Import the file as OData JSON with its metadata, or name the table with import:cbs --table.',
  'import.issue.claimMismatch':
    'The file names table {claimed}, but its columns are those of table {found}. The file was not imported.',
  'import.issue.claimUnmatched':
    'The file names table {claimed}, but its columns do not match that table. The file was not imported.',
  'import.issue.invalidUtf8': 'Line {line} is not valid UTF-8 text. Save the file as UTF-8 and try again.',
  'import.issue.regionNameMismatch': '"{name}" is not the CBS name of {code} (known: "{known}").',
  'import.issue.personLevel.bsn':
    'This file seems to contain data about individual people (a number that may be a BSN in column {column}, line {line}). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',
  'import.issue.personLevel.date':
    'This file seems to contain data about individual people (a date, such as a date of birth, in column {column}, line {line}). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',
  'import.issue.personLevel.identifiers':
    'This file seems to contain data about individual people (column {column} has a number of its own on every line, from line {line}). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',
  'import.issue.personLevel.names':
    'This file seems to contain data about individual people (names in column {column}, from line {line}). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',
  'import.issue.personLevel.rowsPerRegion':
    'This file seems to contain data about individual people (at least {rows} lines for {region} in the same period, from line {line}: a line per person?). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',
  'import.issue.personLevel.columns':
    'This file seems to contain data about individual people (column {columns}). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',
  'import.issue.personLevel.postcode':
    'This file seems to contain data about individual people (postcode with house number). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',
  'import.issue.personLevel.postcodeInColumn':
    'This file seems to contain data about individual people (postcode with house number in column {column}, line {line}). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',
  'import.issue.personLevel.noRegion':
    'This file seems to contain data about individual people (no column with a region code or region name). Wijkatelier only imports figures per area (municipality, district, neighbourhood). The file was not imported.',

  'import.issue.csv.noDelimiter': 'This is not a table with semicolons (;), commas (,) or tabs between its columns.',
  'import.issue.csv.emptyHeader': 'The header line has an empty column name (column {position}).',
  'import.issue.csv.duplicateHeader': 'This column appears twice in the header line.',
  'import.issue.csv.fieldCount': 'This line has {fields} fields, the header line {header}.',
  'import.issue.csv.badQuote':
    'The quotes are wrong here: a closing " must be followed by a separator or the end of the line.',
  'import.issue.csv.quoteNotClosed': 'A field that starts with " is never closed. Check the quotes from this line on.',

  'import.issue.json.invalid': 'This is not valid JSON ({error}).',
  'import.issue.json.metadata': 'This is a CBS metadata file (e.g. DataProperties), not a table of figures.',
  'import.issue.json.rowNotObject': 'This row is not a JSON object.',
  'import.issue.json.shape': 'Expected a "value" list or an object with, per region code, an object of figures.',
  'import.issue.json.value': 'This value is not a number, text or empty.',

  'import.issue.periodColumnMissing': 'The column Perioden (periods) is missing.',
  'import.issue.noKnownColumns': 'Not a single known column of table {table} was found.',
  'import.issue.noRegionCode': 'This line has no region code.',
  'import.issue.badRegionCode': '"{code}" is not a CBS region code (such as GM0796, WK079601, BU07960101).',
  'import.issue.unexpectedNationalCode': 'National code {code} is not expected in table {table}.',
  'import.issue.unknownPeriod': '"{period}" is not a known CBS period.',
  'import.issue.duplicateRow': 'Duplicate line: {code}, {period} is also on line {earlier}.',
  'import.issue.notFinite': 'not a finite number.',
  'import.issue.notANumber': '"{value}" is not a number.',

  'import.warning.unknownColumns': '{count} unknown column(s) not imported: {columns}.',
  'import.warning.skippedNational':
    '{count} national line(s) skipped that cannot be compared with the Netherlands (NL00) (e.g. "Totaal", which includes people abroad).',
  'import.warning.skippedAggregates':
    '{count} line(s) of regions, provinces, youth-care regions or size classes skipped.',
  'import.warning.unresolvedGemeenten':
    '{count} municipality(ies) skipped because their municipality code is not known yet (e.g. {sample}). Import a table with region codes first.',
}
