import type { wijkenNl } from './wijken.nl'

export const wijkenEn: Record<keyof typeof wijkenNl, string> = {
  'wijken.title': 'District profile',
  'wijken.nav.label': 'District figures',
  'wijken.nav.breadcrumb': 'Breadcrumb',
  'wijken.nav.index': 'District figures',
  'wijken.nav.cocktail': 'How do we calculate the risk cocktail?',
  'wijken.nav.catalogue': 'All figures and their source',
  'wijken.attribution': 'Source: CBS (Statistics Netherlands), CC BY 4.0',
  'wijken.attribution.link': 'About using CBS figures (cbs.nl)',
  'wijken.attribution.map': 'Map: CBS district and neighbourhood map 2024 via PDOK, CC BY 4.0.',
  'wijken.level.gemeente': 'figure for the whole municipality',
  'wijken.reason.too-small': 'too small to show',
  'wijken.reason.suppressed': 'suppressed or unknown at CBS',
  'wijken.reason.not-published': 'not published by CBS',
  'wijken.reason.no-data': 'no data for this area',
  'wijken.unit.percent': '%',
  'wijken.unit.count': 'number',
  'wijken.unit.perThousandYoung': 'per 1,000 inhabitants aged 0–25',
  'wijken.unit.thousandEuro': 'x 1,000 euros',
  'wijken.period.half1': 'first half of {year}',
  'wijken.period.half2': 'second half of {year}',
  'wijken.period.quarter': 'Q{n} {year}',
  'wijken.unit.factors': 'unfavourable factors',
  'wijken.unitLabel': 'unit: {unit}',

  'wijken.cocktailText.and': 'and',
  'wijken.cocktailText.count': '{count} of {assessed} assessed factors',
  'wijken.cocktailText.countOne': '{count} of {assessed} assessed factor',
  'wijken.cocktailText.notAssessed': '{n} cannot be assessed',
  'wijken.cocktailText.noneAssessed': 'cannot be assessed: none of the {factors} factors has a figure',
  'wijken.cocktailText.summary.noneAssessed':
    'For {wijk} there are too few open figures to see whether risks pile up: none of the {factors} factors can be assessed.',
  'wijken.cocktailText.summary.noRisk':
    'In {wijk}, none of the {assessed} assessed factors is clearly less favourable than in {gemeente} and in the Netherlands as a whole.',
  'wijken.cocktailText.summary.riskOne':
    'In {wijk}, {count} of the {assessed} assessed factors is clearly less favourable than in {gemeente} and in the Netherlands as a whole: {names}.',
  'wijken.cocktailText.summary.risk':
    'In {wijk}, {count} of the {assessed} assessed factors are clearly less favourable than in {gemeente} and in the Netherlands as a whole: {names}.',
  'wijken.cocktailText.summary.missing': '{n} of the {factors} factors could not be assessed: {names}.',
  'wijken.cocktailText.summary.missingUnknown': '{n} of the {factors} factors could not be assessed.',
  'wijken.cocktailText.summary.closing':
    'These are figures for the whole district; they say nothing about any one family or person.',
  'wijken.cocktailReason.too-small': 'too small to show',
  'wijken.cocktailReason.suppressed': 'suppressed or unknown at CBS',
  'wijken.cocktailReason.not-published': 'not published by CBS',
  'wijken.cocktailReason.no-data': 'no CBS figure for this district',
  'wijken.cocktailReason.no-gemeente-figure': 'no municipality figure to compare with',
  'wijken.cocktailReason.no-national-figure': 'no national figure to compare with',

  'wijken.index.title': 'District figures',
  'wijken.index.lead':
    'Open figures from CBS per district (wijk): how many people live there, how they live, and how many young people receive youth care. Choose a municipality.',
  'wijken.index.gemeenten': 'Municipalities',
  'wijken.index.wijken': '{count} districts',
  'wijken.index.open': 'Districts of {name}',
  'wijken.index.empty': 'No district figures have been imported yet.',
  'wijken.index.about': 'About these figures',
  'wijken.index.cocktail': 'Risk cocktail: in its districts {n} of the {factors} factors can be assessed.',
  'wijken.index.cocktailNone':
    'Risk cocktail: cannot be assessed in any district (none of the {factors} factors has figures).',
  'wijken.index.thin': 'Few figures: for the districts of {name} we only have {names}.',
  'wijken.index.comparable':
    'Not every municipality has the same figures. Only compare risk cocktails of districts in the same municipality, where the same factors were assessed.',
  'wijken.index.privacy':
    'We only show figures about whole districts, never about a single family or person. Small numbers are not shown.',

  'wijken.gemeente.title': 'Districts in {name}',
  'wijken.gemeente.lead':
    'Per district: how many people live there and how many risk factors pile up (the risk cocktail). Click a district for all its figures.',
  'wijken.gemeente.col.wijk': 'District',
  'wijken.gemeente.col.inhabitants': 'Inhabitants',
  'wijken.gemeente.col.cocktail': 'Risk cocktail',
  'wijken.gemeente.comparable.title': 'Take care when comparing',
  'wijken.gemeente.comparable.here':
    'In {gemeente}, {n} of the {factors} factors of the risk cocktail can be assessed: {names}.',
  'wijken.gemeente.comparable.hereNone':
    'In {gemeente}, none of the {factors} factors of the risk cocktail can be assessed. There are too few figures.',
  'wijken.gemeente.comparable.within':
    'Not every district has the same factors assessed. Only compare risk cocktails of districts where the same factors were assessed.',
  'wijken.gemeente.comparable.others':
    'Other municipalities have other factors assessed ({others}). So do not compare risk cocktails of districts in different municipalities.',
  'wijken.gemeente.comparable.other': '{name}: {n} of {factors}',
  'wijken.gemeente.back': 'All municipalities',
  'wijken.gemeente.notFound': 'We do not know municipality {code}. A municipality code looks like GM0796.',

  'wijken.map.title': 'Map',
  'wijken.map.choose': 'Figure on the map',
  'wijken.map.show': 'Show on the map',
  'wijken.map.svgTitle': '{indicator} per district in {gemeente}',
  'wijken.map.hint': 'Click a district to open its profile. Darker means a higher figure.',
  'wijken.map.cocktail': 'Risk cocktail',
  'wijken.map.cocktailGrey': 'cannot be assessed: no factor has a figure',
  'wijken.map.cocktailHint':
    'The colour is the number of assessed factors that are clearly less favourable than in the municipality and in the Netherlands.',
  'wijken.map.legend': 'Legend',
  'wijken.map.hatched': 'too small to show or confidential at CBS',
  'wijken.map.grey': 'no data or not published',
  'wijken.map.gemeenteLevel':
    'CBS publishes this figure only for the whole municipality, so all districts have the same colour.',
  'wijken.map.reference': '{gemeente}: {gemeenteValue} · Netherlands: {nationalValue}',
  'wijken.map.source': 'Source: CBS, table {table}, column {column}, {period}.',
  'wijken.map.current': 'this district',
  'wijken.map.none': 'No map is available for this municipality.',
  'wijken.map.legendUnit': 'Legend ({unit})',
  'wijken.map.unit': 'Unit: {unit}',

  'wijken.profile.subtitle': 'District in {gemeente} · CBS code {code}',
  'wijken.profile.back': 'All districts of {gemeente}',
  'wijken.profile.notFound': 'We do not know district {code}. A district code looks like WK079601.',
  'wijken.profile.cocktail.title': 'Risk cocktail',
  'wijken.profile.cocktail.countText': 'are clearly less favourable than in {gemeente} and in the Netherlands.',
  'wijken.profile.cocktail.countTextOne': 'is clearly less favourable than in {gemeente} and in the Netherlands.',
  'wijken.profile.cocktail.notAssessedCount': '{n} of the {factors} factors cannot be assessed.',
  'wijken.profile.cocktail.notAssessedCountOne': '{n} of the {factors} factors cannot be assessed.',
  'wijken.profile.cocktail.none': 'None of the {factors} factors can be assessed: there are too few figures.',
  'wijken.profile.cocktail.notAssessedWhy': 'cannot be assessed: {reason}',
  'wijken.profile.cocktail.risk': 'less favourable',
  'wijken.profile.cocktail.noRisk': 'not less favourable',
  'wijken.profile.cocktail.notAssessed': 'cannot be assessed',
  'wijken.profile.cocktail.how': 'How do we calculate this?',
  'wijken.profile.figures.title': 'All figures of the district',
  'wijken.profile.figures.gemeente.title': 'Figures CBS publishes per municipality only',
  'wijken.profile.figures.gemeente.lead':
    'These figures are for the whole municipality of {gemeente}. They say nothing about this district on its own and do not count in the risk cocktail.',
  'wijken.profile.col.indicator': 'Figure',
  'wijken.profile.col.wijk': 'This district',
  'wijken.profile.col.gemeente': '{gemeente}',
  'wijken.profile.col.national': 'Netherlands',
  'wijken.profile.col.difference': 'Difference from {gemeente}',
  'wijken.profile.col.differenceNational': 'Difference from the Netherlands',
  'wijken.profile.col.period': 'Period',
  'wijken.profile.unfavourable': 'clearly less favourable',
  'wijken.profile.unfavourableNotCounted': 'less favourable (does not count)',
  'wijken.profile.newer': 'Newer ({period}): {reason}.',
  'wijken.profile.sameTopic':
    'Not the same as “{other}” in the district figures ({otherUnit}). CBS publishes this figure only per municipality, as a percentage of young people under 18. CBS does not publish that group per district, so per district we calculate {otherUnit}. Do not compare the two figures with each other.',
  'wijken.profile.sourceRef': 'source {n}',
  'wijken.profile.trends.title': 'Over time',
  'wijken.profile.trends.lead': 'Figures that CBS publishes for more than one period.',
  'wijken.profile.trends.wijk': 'district',
  'wijken.profile.trends.legend': 'Line: {own}. Dashed line: {ref}.',
  'wijken.profile.trends.gemeente': 'municipality',
  'wijken.profile.sources.title': 'Sources',
  'wijken.profile.sources.lead':
    'Every figure comes from a CBS table. The figures for the municipality and the Netherlands come from the same table and column and are calculated the same way.',
  'wijken.profile.sources.table': 'CBS table',
  'wijken.profile.sources.item': '({title}), column {column}, period {period}',
  'wijken.profile.sources.back': 'back to the figure',
  'wijken.profile.sources.none': 'no figure found in the imported tables',
  'wijken.profile.sources.category': 'form: {category}',

  'wijken.cocktail.title': 'How do we calculate the risk cocktail?',
  'wijken.cocktail.lead':
    'This page explains how Wijkatelier calculates the risk cocktail of a district, like an entry in the government algorithm register: the purpose, the figures used, the rule, and what it does not mean.',
  'wijken.cocktail.purpose.title': 'What is it for?',
  'wijken.cocktail.purpose.text':
    'The risk cocktail shows which risk factors for children and families pile up in a district. It starts a conversation: parents and professionals work out together what could help the whole district or school.',
  'wijken.cocktail.type.title': 'What kind of rule is it?',
  'wijken.cocktail.type.text':
    'A fixed, simple rule. No artificial intelligence, no prediction, no model that learns from data. Anyone can redo it with the figures on the district page.',
  'wijken.cocktail.inputs.title': 'Which figures do we use?',
  'wijken.cocktail.inputs.text':
    'Only open CBS figures about whole areas (district, municipality, the Netherlands). These {count} figures count:',
  'wijken.cocktail.inputs.more': 'All other figures, with their definition and source, are in the list of all figures.',
  'wijken.cocktail.rule.title': 'When is a figure a risk?',
  'wijken.cocktail.rule.text': 'A figure counts as a risk in a district when both are true:',
  'wijken.cocktail.rule.one':
    'the district figure is more than {margin}% less favourable than its own municipality (for example: the municipality has 3.0%, the district more than {example}%);',
  'wijken.cocktail.rule.two': 'and the district figure is less favourable than the figure for the whole Netherlands.',
  'wijken.cocktail.rule.direction':
    'For most figures higher is unfavourable. For income lower is unfavourable; then the rule is mirrored.',
  'wijken.cocktail.rule.count':
    'The risk cocktail is the number of factors that are a risk at the same time. We always show how many factors we could assess, and which could not and why. For example: "1 of 2 assessed factors; 4 cannot be assessed: no CBS figure for this district".',
  'wijken.cocktail.missing.title': 'What do we do when a figure is missing?',
  'wijken.cocktail.missing.notCounted':
    'A factor without a figure is not assessed. It counts neither as a risk nor as "no risk". We never guess what the figure would be.',
  'wijken.cocktail.missing.reasons':
    'We always say why a factor cannot be assessed: the figure is too small to show, it is suppressed or unknown at CBS, CBS has not published it, there is no figure for the district, or there is no municipality or national figure to compare with.',
  'wijken.cocktail.missing.compare':
    'So districts cannot always be compared. "1 of 2" in one district and "1 of 4" in another say different things. Only compare districts where the same factors were assessed. Take extra care with districts in different municipalities: not every municipality has the same figures.',
  'wijken.cocktail.missing.older':
    'If the newest figure of a district is too small or suppressed, we use the newest figure that is there, with its own period. The municipality and the Netherlands are then taken from the same period.',
  'wijken.cocktail.why.title': 'Why this rule?',
  'wijken.cocktail.why.gemeente':
    'We compare with the own municipality because the municipality chooses where to start. We also compare with the Netherlands, so a district is not flagged only because the rest of its municipality does well.',
  'wijken.cocktail.why.margin':
    'The {margin}% margin is there because CBS rounds counts, so a district does not cross the line by chance.',
  'wijken.cocktail.why.once':
    'Figures that measure almost the same thing (forms of youth care; rented and housing-association dwellings) count only once.',
  'wijken.cocktail.privacy.title': 'Privacy: what do we not show?',
  'wijken.cocktail.privacy.base':
    'A figure is only shown when every count it rests on is at least {minBase}. Otherwise it says "too small to show" — also in the data sent to the browser.',
  'wijken.cocktail.privacy.empty':
    'An empty CBS cell is never read as 0. It says "suppressed or unknown at CBS", "not published by CBS" or "no data for this area".',
  'wijken.cocktail.privacy.cbs':
    'CBS itself rounds district counts and leaves out very small ones. Wijkatelier refuses files with data about persons (such as BSN, name or address).',
  'wijken.cocktail.not.title': 'What does it not mean?',
  'wijken.cocktail.not.family':
    'It says nothing about any family, child or person. Most families in a district with many risk factors do well. The figures are averages of the whole district.',
  'wijken.cocktail.not.prediction':
    'It is not a prediction of youth care, out-of-home placement or anything else, and not a ranking of good and bad districts.',
  'wijken.cocktail.not.zero':
    'A 0 does not mean there are no problems. Figures may be missing, and much that matters is not in open data.',
  'wijken.cocktail.not.start':
    'It starts the conversation. Parents and professionals add what the figures cannot show.',
  'wijken.cocktail.who.title': 'Who is responsible?',
  'wijken.cocktail.who.text':
    'The prevention programme in Hart van Brabant that uses Wijkatelier. The rule and the list of figures are in the source code (app/wijken/indicators.ts and app/wijken/cocktail.ts). A change is recorded as a decision, with its reason.',
  'wijken.cocktail.licence.title': 'Source and licence',
  'wijken.cocktail.licence.text':
    'All figures come from CBS under the CC BY 4.0 licence: you may use them when you name CBS as the source. District boundaries come from the CBS district and neighbourhood map 2024 (via PDOK).',
  'wijken.cocktail.col.indicator': 'Figure',
  'wijken.cocktail.col.direction': 'Unfavourable when',
  'wijken.cocktail.col.source': 'Source (CBS table, column)',

  'wijken.catalogue.title': 'All figures and their source',
  'wijken.catalogue.lead':
    'Every figure Wijkatelier shows: what it means, how it is calculated and which CBS table it comes from. Definitions are in Dutch.',
  'wijken.catalogue.contents': 'Contents',
  'wijken.catalogue.code': 'Code',
  'wijken.catalogue.definition': 'What is it?',
  'wijken.catalogue.unit': 'Unit',
  'wijken.catalogue.source': 'Source',
  'wijken.catalogue.computation': 'How calculated',
  'wijken.catalogue.direction': 'Unfavourable when',
  'wijken.catalogue.reference': 'Compared with',
  'wijken.catalogue.rule': 'Risk cocktail',
  'wijken.catalogue.minBase': 'Minimum base',
  'wijken.catalogue.minBase.value': 'every count at least {n}',
  'wijken.catalogue.level': 'Published per',
  'wijken.catalogue.level.wijk': 'district (and neighbourhood)',
  'wijken.catalogue.level.gemeente': 'municipality only',
  'wijken.direction.higher': 'higher',
  'wijken.direction.lower': 'lower',
  'wijken.direction.none': 'none (background figure)',
  'wijken.catalogue.inCocktail': 'counts',

  'wijken.import.title': 'Import CBS files',
  'wijken.import.adminOnly': 'Only an administrator may import or remove CBS figures.',
  'wijken.import.lead':
    'Import one or more CBS tables (StatLine CSV or OData JSON). A file is imported completely or not at all. Importing the same file again changes nothing.',
  'wijken.import.files': 'Files (.csv or .json, at most {mb} MB each)',
  'wijken.import.submit': 'Import',
  'wijken.import.busy': 'Importing…',
  'wijken.import.noFiles': 'Choose one or more files first.',
  'wijken.import.tooBig': 'A file is larger than {mb} MB. Split it or import it with the command line.',
  'wijken.import.results': 'Result',
  'wijken.import.ok': 'Imported',
  'wijken.import.failed': 'Not imported — nothing was saved',
  'wijken.import.table': 'Table',
  'wijken.import.periods': 'Periods',
  'wijken.import.rows': 'Rows',
  'wijken.import.regions': 'Areas',
  'wijken.import.values': 'Values',
  'wijken.import.unknownColumns': 'Unknown columns (not imported)',
  'wijken.import.warnings': 'Note',
  'wijken.import.none': 'none',
  'wijken.import.col.line': 'Line',
  'wijken.import.col.column': 'Column',
  'wijken.import.col.message': 'What is wrong?',
  'wijken.import.kind.person-level': 'This looks like data about persons. Wijkatelier never imports that.',
  'wijken.import.kind.unknown-table': 'Wijkatelier does not know this CBS table.',
  'wijken.import.kind.invalid': 'The file is not valid.',
  'wijken.import.list.title': 'What has been imported',
  'wijken.import.list.lead':
    'Each line is one table and period from one file. Removing takes that line away with the values that still come from it, from every area profile.',
  'wijken.import.list.empty': 'Nothing has been imported yet.',
  'wijken.import.list.period': 'Period',
  'wijken.import.list.file': 'File',
  'wijken.import.list.by': 'By',
  'wijken.import.list.when': 'When',
  'wijken.import.list.actions': 'Actions',
  'wijken.import.list.noOne': 'bundled or command line',
  'wijken.import.remove': 'Remove',
  'wijken.import.remove.label': 'Remove {table} {period} from {file}',
  'wijken.import.confirm.title': 'Remove {table} {period} from {file}?',
  'wijken.import.confirm.text':
    'The {values} values from this file disappear from every area profile. Values another file imported stay. Import the file again to get them back.',
  'wijken.import.confirm.yes': 'Yes, remove',
  'wijken.import.confirm.no': 'Cancel',
  'wijken.import.removed': '{table} {period} from {file} has been removed ({values} values).',
  'wijken.import.notFound': 'This imported file does not exist (any more).',
}
