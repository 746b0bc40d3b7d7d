import type { ownFiguresNl } from './own-figures.nl'
import type { ownImportNl } from './own-figures.nl'

/** English texts of own figures; the keys are those of own-figures.nl.ts. */
export const ownImportEn: Record<keyof typeof ownImportNl, string> = {
  'import.issue.own.isCatalogue':
    'This is CBS table {table}, which Wijkatelier knows already. Import it under "Import CBS files", so its figures count like the other CBS figures.',
  'import.issue.own.namesOnly':
    'The areas are named only by name (column {column}). A name is ambiguous: many municipalities have a district "Centrum" or "Noord". Add a column with the CBS code of each area (such as GM0796, WK079601 or BU07960101) and import the file again.',
  'import.issue.own.noRegionCode':
    'There is no column with CBS area codes (such as GM0796, WK079601 or BU07960101). Wijkatelier only imports figures per area.',
  'import.issue.own.periodMissing':
    'The file has no Periode (or Jaar) column. Fill in the period the figures are about, for example 2024.',
  'import.issue.own.badPeriodOption':
    '"{period}" is not a period we know. Write for example 2024, 1e halfjaar 2024, 2024 3e kwartaal or 2024 maart.',
  'import.issue.own.noFigures': 'The file has no column with numbers.',
  'import.issue.own.noKnownRegions':
    'Not one line is about an area we know. Import the CBS figures of that municipality first, or check the codes.',
  'import.issue.own.sourceMissing': 'Fill in which organisation the figures come from.',
  'import.warning.own.textColumns': '{count} column(s) without numbers not imported: {columns}.',
  'import.warning.own.unknownRegions': '{count} area(s) skipped because CBS does not know that code (e.g. {sample}).',
  'import.warning.own.periodIgnored':
    'The period {period} you gave was not used: the file has a column {column} with the period of each row.',
}

/** English texts of the own-figures pages. */
export const ownFiguresEn: Record<keyof typeof ownFiguresNl, string> = {
  'nav.import': 'Import figures',
  'own.form.title': 'Import own figures',
  'own.form.lead':
    'Figures per area from a municipality, housing association, police, welfare organisation or GGD, or a CBS table Wijkatelier does not know yet. Every column with numbers becomes a figure. Only figures per area: a file with a line per person is refused.',
  'own.form.file': 'File (CSV, at most {mb} MB)',
  'own.form.organisation': 'Which organisation are the figures from?',
  'own.form.organisation.hint': 'For example: Gemeente Breda, Woningcorporatie Zayaz, GGD Hart voor Brabant.',
  'own.form.tableName': 'Name of the table (may be empty)',
  'own.form.tableName.hint': 'For example: Woonmonitor 2024. Empty: the file name.',
  'own.form.period': 'Period (may be empty if the file has a Periode column)',
  'own.form.period.hint': 'For example 2024 or 1e halfjaar 2024.',
  'own.form.submit': 'Add own figures',
  'own.form.template': 'Download the template (CSV) for organisations that deliver figures',
  'own.form.setup': 'Set up own figures (name, unit, direction, risk cocktail)',
  'own.form.noFile': 'Choose a file.',
  'own.form.noOrganisation': 'Fill in which organisation the figures come from.',

  'own.page.title': 'Set up own figures',
  'own.page.lead':
    'Every column with numbers from an own table is a figure. Here you give it a clear name, unit and explanation, and choose whether it counts in the risk cocktail.',
  'own.page.empty': 'No own figures have been imported yet.',
  'own.page.back': 'Back to importing figures',
  'own.page.table': '{title} — {organisation}',
  'own.page.tableId': 'Table {id}',
  'own.page.column': 'Column in the file: {column}',
  'own.field.label': 'Name',
  'own.field.labelEn': 'Name in English (may be empty)',
  'own.field.labelEn.hint': 'For those who use the app in English. Empty: the Dutch name.',
  'own.field.unit': 'Unit',
  'own.field.unit.hint': 'For example aantal, %, per 1.000 inwoners or euro.',
  'own.field.definition': 'Explanation (what is counted?)',
  'own.field.kind': 'Kind of figure',
  'own.kind.count': 'A count (hidden below {min})',
  'own.kind.rate': 'A percentage, ratio or average (needs a base)',
  'own.field.base': 'Base (the count the percentage is a share of)',
  'own.base.none': 'No column: the number of inhabitants according to CBS',
  'own.field.direction': 'When is it unfavourable?',
  'own.direction.higher': 'Higher is more risk',
  'own.direction.lower': 'Lower is more risk',
  'own.direction.none': 'Neither (background figure)',
  'own.field.inCocktail': 'Counts in the risk cocktail',
  'own.field.threshold': 'Threshold (may be empty)',
  'own.field.threshold.hint':
    'A risk when the wijk is beyond this value. Empty: the usual rule (more than 10% less favourable than the municipality and less favourable than the Netherlands).',
  'own.field.decimals': 'Decimals',
  'own.save': 'Save',
  'own.saved': '"{label}" has been saved.',
  'own.v.label': 'Give the figure a name (at most 120 characters).',
  'own.v.labelEn': 'A name in English is at most 120 characters.',
  'own.v.unit': 'Give a unit (at most 40 characters), such as aantal or %.',
  'own.v.definition': 'An explanation is at most 1,000 characters.',
  'own.v.threshold': 'A threshold is a number, such as 12.5.',
  'own.v.decimals': 'Choose 0 to 3 decimals.',
  'own.v.cocktailNeedsDirection':
    'Choose when the figure is unfavourable (higher or lower); a background figure does not count in the risk cocktail.',
  'own.v.base': 'Choose a column of the same table as the base.',
  'own.notFound': 'This own figure does not exist (any more).',
  'own.source': 'Source: {organisation}, {title}',

  'own.catalogue.title': 'Own figures of organisations',
  'own.catalogue.lead':
    'These figures do not come from CBS. An administrator imported them from the table of an organisation, such as a municipality, housing association or GGD. The administrator gives each figure a name and an explanation, and chooses whether it counts in the risk cocktail.',
  'own.catalogue.empty': 'No own figures have been imported yet.',
  'own.catalogue.table': 'Organisation and table',
  'own.catalogue.table.value': '{organisation}, {title}',
  'own.catalogue.column': 'Column in the file',
  'own.catalogue.periods': 'Period',
  'own.catalogue.noPeriods': 'no figures yet',
  'own.catalogue.noDefinition': 'The administrator has not given an explanation yet.',
  'own.catalogue.cocktail.higher': 'Counts. A risk when the district is above {threshold}.',
  'own.catalogue.cocktail.lower': 'Counts. A risk when the district is below {threshold}.',
  'own.catalogue.cocktail.rule':
    'Counts, by the usual rule: a risk when the district is more than {margin}% less favourable than the municipality and less favourable than the Netherlands.',
  'own.catalogue.cocktail.no': 'Does not count.',
  'own.catalogue.small': 'Small numbers',
  'own.catalogue.small.count': 'A count below {n} is not shown.',
  'own.catalogue.small.base': 'The figure is only shown when its base (column {column}) is at least {n}.',
  'own.catalogue.small.inhabitants':
    'The figure is only shown in an area with at least {n} inhabitants according to CBS.',
}
