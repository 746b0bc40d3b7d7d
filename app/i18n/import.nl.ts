/**
 * Dutch texts of the CBS importer's errors and warnings (merged into the one dictionary in
 * ./nl.ts). The importer keeps each issue as a key with its variables; the import page shows it
 * in the reader's language, the CLI and the JSON report in Dutch.
 */
export const importNl = {
  'import.where.line': 'regel {line}',
  'import.where.column': 'kolom {column}',

  'import.issue.unreadable': 'Het bestand bestaat niet of kan niet gelezen worden.',
  'import.issue.unknownTable':
    'Onbekende CBS-tabel. De kolommen passen bij geen tabel die Wijkatelier kent. Zijn het eigen cijfers of een andere CBS-tabel? Lees het bestand dan in bij "Eigen cijfers inlezen" (of met import:table).',
  'import.issue.ambiguousTable':
    'De kolommen passen bij meer dan één CBS-tabel ({tables}). Lees het bestand in als OData-JSON met metadata, of geef de tabel op met import:cbs --table.',
  'import.issue.claimMismatch':
    'Het bestand noemt tabel {claimed}, maar de kolommen zijn die van tabel {found}. Het bestand is niet ingelezen.',
  'import.issue.claimUnmatched':
    'Het bestand noemt tabel {claimed}, maar de kolommen passen niet bij die tabel. Het bestand is niet ingelezen.',
  'import.issue.invalidUtf8':
    'Regel {line} is geen geldige UTF-8-tekst. Sla het bestand op als UTF-8 en probeer het opnieuw.',
  'import.issue.regionNameMismatch': '"{name}" is niet de CBS-naam van {code} (bekend: "{known}").',
  'import.issue.personLevel.bsn':
    'Dit bestand lijkt gegevens over personen te bevatten (een nummer dat een BSN kan zijn in kolom {column}, regel {line}). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',
  'import.issue.personLevel.date':
    'Dit bestand lijkt gegevens over personen te bevatten (een datum, zoals een geboortedatum, in kolom {column}, regel {line}). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',
  'import.issue.personLevel.identifiers':
    'Dit bestand lijkt gegevens over personen te bevatten (kolom {column} heeft een eigen nummer per regel, vanaf regel {line}). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',
  'import.issue.personLevel.names':
    'Dit bestand lijkt gegevens over personen te bevatten (namen in kolom {column}, vanaf regel {line}). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',
  'import.issue.personLevel.rowsPerRegion':
    'Dit bestand lijkt gegevens over personen te bevatten (minstens {rows} regels voor {region} in dezelfde periode, vanaf regel {line}: een regel per persoon?). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',
  'import.issue.personLevel.columns':
    'Dit bestand lijkt gegevens over personen te bevatten (kolom {columns}). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',
  'import.issue.personLevel.postcode':
    'Dit bestand lijkt gegevens over personen te bevatten (postcode met huisnummer). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',
  'import.issue.personLevel.postcodeInColumn':
    'Dit bestand lijkt gegevens over personen te bevatten (postcode met huisnummer in kolom {column}, regel {line}). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',
  'import.issue.personLevel.noRegion':
    'Dit bestand lijkt gegevens over personen te bevatten (geen kolom met een regiocode of regionaam). Wijkatelier leest alleen cijfers per gebied in (gemeente, wijk, buurt). Het bestand is niet ingelezen.',

  'import.issue.csv.noDelimiter':
    'Dit is geen tabel met puntkomma (;), komma (,) of tab als scheidingsteken tussen de kolommen.',
  'import.issue.csv.emptyHeader': 'De kopregel heeft een lege kolomnaam (kolom {position}).',
  'import.issue.csv.duplicateHeader': 'Deze kolom staat twee keer in de kopregel.',
  'import.issue.csv.fieldCount': 'Deze regel heeft {fields} velden, de kopregel {header}.',
  'import.issue.csv.badQuote':
    'De aanhalingstekens kloppen hier niet: na een afsluitend " hoort een scheidingsteken of het einde van de regel.',
  'import.issue.csv.quoteNotClosed':
    'Een veld dat met " begint, wordt niet afgesloten. Controleer de aanhalingstekens vanaf deze regel.',

  'import.issue.json.invalid': 'Dit is geen geldige JSON ({error}).',
  'import.issue.json.metadata': 'Dit is een metadatabestand van CBS (bijv. DataProperties), geen tabel met cijfers.',
  'import.issue.json.rowNotObject': 'Deze rij is geen JSON-object.',
  'import.issue.json.shape': 'Verwacht een "value"-lijst of een object met per regiocode een object met cijfers.',
  'import.issue.json.value': 'Deze waarde is geen getal, tekst of leeg.',

  'import.issue.periodColumnMissing': 'De kolom Perioden ontbreekt.',
  'import.issue.noKnownColumns': 'Geen enkele bekende kolom van tabel {table} gevonden.',
  'import.issue.noRegionCode': 'Deze regel heeft geen regiocode.',
  'import.issue.badRegionCode': '"{code}" is geen CBS-regiocode (zoals GM0796, WK079601, BU07960101).',
  'import.issue.unexpectedNationalCode': 'Landcode {code} wordt in tabel {table} niet verwacht.',
  'import.issue.unknownPeriod': '"{period}" is geen bekende CBS-periode.',
  'import.issue.duplicateRow': 'Dubbele regel: {code}, {period} staat ook op regel {earlier}.',
  'import.issue.notFinite': 'geen eindig getal.',
  'import.issue.notANumber': '"{value}" is geen getal.',

  'import.warning.unknownColumns': '{count} onbekende kolom(men) niet ingelezen: {columns}.',
  'import.warning.skippedNational':
    '{count} landelijke regel(s) overgeslagen die niet met Nederland (NL00) te vergelijken zijn (bijv. "Totaal" inclusief buitenland).',
  'import.warning.skippedAggregates':
    "{count} regel(s) van landsdelen, provincies, jeugdzorgregio's of grootteklassen overgeslagen.",
  'import.warning.unresolvedGemeenten':
    '{count} gemeente(n) overgeslagen omdat hun gemeentecode nog niet bekend is (bijv. {sample}). Lees eerst een tabel met regiocodes in.',
} as const
