/**
 * Dutch texts of own figures ("eigen cijfers", issue 11): the importer's issues for an
 * organisation's own table (keys under `import.`, like the CBS importer's) and the pages.
 */
export const ownImportNl = {
  'import.issue.own.isCatalogue':
    'Dit is CBS-tabel {table}, die Wijkatelier al kent. Lees hem in bij "CBS-bestanden inlezen"; dan tellen de cijfers mee zoals de andere CBS-cijfers.',
  'import.issue.own.namesOnly':
    'De gebieden staan er alleen met een naam in (kolom {column}). Een naam is niet eenduidig: veel gemeenten hebben een wijk "Centrum" of "Noord". Zet in een kolom de CBS-code van elk gebied (zoals GM0796, WK079601 of BU07960101) en lees het bestand opnieuw in.',
  'import.issue.own.noRegionCode':
    'Er is geen kolom met CBS-codes van gebieden (zoals GM0796, WK079601 of BU07960101). Wijkatelier leest alleen cijfers per gebied in.',
  'import.issue.own.periodMissing':
    'Het bestand heeft geen kolom Periode (of Jaar). Vul de periode in waar de cijfers over gaan, bijvoorbeeld 2024.',
  'import.issue.own.badPeriodOption':
    '"{period}" is geen periode die we kennen. Schrijf bijvoorbeeld 2024, 1e halfjaar 2024, 2024 3e kwartaal of 2024 maart.',
  'import.issue.own.noFigures': 'Het bestand heeft geen kolom met getallen.',
  'import.issue.own.noKnownRegions':
    'Geen enkele regel gaat over een gebied dat we kennen. Lees eerst de CBS-cijfers van die gemeente in, of controleer de codes.',
  'import.issue.own.sourceMissing': 'Vul in van welke organisatie de cijfers komen.',
  'import.warning.own.textColumns': '{count} kolom(men) zonder getallen niet ingelezen: {columns}.',
  'import.warning.own.unknownRegions': '{count} gebied(en) overgeslagen omdat CBS die code niet kent (bijv. {sample}).',
  'import.warning.own.periodIgnored':
    'De periode {period} die je opgaf is niet gebruikt: het bestand heeft zelf een kolom {column} met de periode van elke regel.',
} as const

/** The pages: the own-table form on the import page, the page that sets up own indicators, the template. */
export const ownFiguresNl = {
  'nav.import': 'Cijfers inlezen',
  'own.form.title': 'Eigen cijfers inlezen',
  'own.form.lead':
    'Cijfers per gebied van een gemeente, woningcorporatie, politie, welzijnsorganisatie of GGD, of een CBS-tabel die Wijkatelier nog niet kent. Elke kolom met getallen wordt een cijfer. Alleen cijfers per gebied: een bestand met een regel per persoon wordt geweigerd.',
  'own.form.file': 'Bestand (CSV, hoogstens {mb} MB)',
  'own.form.organisation': 'Van welke organisatie zijn de cijfers?',
  'own.form.organisation.hint': 'Bijvoorbeeld: Gemeente Breda, Woningcorporatie Zayaz, GGD Hart voor Brabant.',
  'own.form.tableName': 'Naam van de tabel (mag leeg)',
  'own.form.tableName.hint': 'Bijvoorbeeld: Woonmonitor 2024. Leeg: de naam van het bestand.',
  'own.form.period': 'Periode (mag leeg als het bestand een kolom Periode heeft)',
  'own.form.period.hint': 'Bijvoorbeeld 2024 of 1e halfjaar 2024.',
  'own.form.submit': 'Eigen cijfers toevoegen',
  'own.form.template': 'Download het sjabloon (CSV) voor organisaties die cijfers aanleveren',
  'own.form.setup': 'Eigen cijfers instellen (naam, eenheid, richting, risicococktail)',
  'own.form.noFile': 'Kies een bestand.',
  'own.form.noOrganisation': 'Vul in van welke organisatie de cijfers komen.',

  'own.page.title': 'Eigen cijfers instellen',
  'own.page.lead':
    'Elke kolom met getallen uit een eigen tabel is een cijfer. Hier geef je het een duidelijke naam, eenheid en uitleg, en kies je of het meetelt in de risicococktail.',
  'own.page.empty': 'Er zijn nog geen eigen cijfers ingelezen.',
  'own.page.back': 'Terug naar cijfers inlezen',
  'own.page.table': '{title} — {organisation}',
  'own.page.tableId': 'Tabel {id}',
  'own.page.column': 'Kolom in het bestand: {column}',
  'own.field.label': 'Naam',
  'own.field.labelEn': 'Naam in het Engels (mag leeg)',
  'own.field.labelEn.hint': 'Voor wie de app in het Engels gebruikt. Leeg: de Nederlandse naam.',
  'own.field.unit': 'Eenheid',
  'own.field.unit.hint': 'Bijvoorbeeld aantal, %, per 1.000 inwoners of euro.',
  'own.field.definition': 'Uitleg (wat telt mee?)',
  'own.field.kind': 'Soort cijfer',
  'own.kind.count': 'Een aantal (verborgen onder {min})',
  'own.kind.rate': 'Een percentage, verhouding of gemiddelde (heeft een basis nodig)',
  'own.field.base': 'Basis (het aantal waar het percentage over gaat)',
  'own.base.none': 'Geen kolom: het aantal inwoners volgens CBS',
  'own.field.direction': 'Wanneer is het ongunstig?',
  'own.direction.higher': 'Hoger is meer risico',
  'own.direction.lower': 'Lager is meer risico',
  'own.direction.none': 'Geen van beide (achtergrondcijfer)',
  'own.field.inCocktail': 'Telt mee in de risicococktail',
  'own.field.threshold': 'Drempel (mag leeg)',
  'own.field.threshold.hint':
    'Risico als de wijk voorbij deze waarde ligt. Leeg: de gewone regel (meer dan 10% ongunstiger dan de gemeente én ongunstiger dan Nederland).',
  'own.field.decimals': 'Decimalen',
  'own.save': 'Opslaan',
  'own.saved': '"{label}" is opgeslagen.',
  'own.v.label': 'Geef het cijfer een naam (hoogstens 120 tekens).',
  'own.v.labelEn': 'Een naam in het Engels is hoogstens 120 tekens.',
  'own.v.unit': 'Geef een eenheid (hoogstens 40 tekens), zoals aantal of %.',
  'own.v.definition': 'Een uitleg is hoogstens 1.000 tekens.',
  'own.v.threshold': 'Een drempel is een getal, zoals 12,5.',
  'own.v.decimals': 'Kies 0 tot 3 decimalen.',
  'own.v.cocktailNeedsDirection':
    'Kies wanneer het cijfer ongunstig is (hoger of lager); een achtergrondcijfer telt niet mee in de risicococktail.',
  'own.v.base': 'Kies een kolom uit dezelfde tabel als basis.',
  'own.notFound': 'Dit eigen cijfer bestaat niet (meer).',
  'own.source': 'Bron: {organisation}, {title}',

  'own.catalogue.title': 'Eigen cijfers van organisaties',
  'own.catalogue.lead':
    'Deze cijfers komen niet van het CBS. Een beheerder heeft ze ingelezen uit de tabel van een organisatie, zoals een gemeente, woningcorporatie of GGD. De beheerder geeft elk cijfer een naam en uitleg, en kiest of het meetelt in de risicococktail.',
  'own.catalogue.empty': 'Er zijn nog geen eigen cijfers ingelezen.',
  'own.catalogue.table': 'Organisatie en tabel',
  'own.catalogue.table.value': '{organisation}, {title}',
  'own.catalogue.column': 'Kolom in het bestand',
  'own.catalogue.periods': 'Periode',
  'own.catalogue.noPeriods': 'nog geen cijfers',
  'own.catalogue.noDefinition': 'De beheerder heeft nog geen uitleg gegeven.',
  'own.catalogue.cocktail.higher': 'Telt mee. Risico als de wijk boven {threshold} ligt.',
  'own.catalogue.cocktail.lower': 'Telt mee. Risico als de wijk onder {threshold} ligt.',
  'own.catalogue.cocktail.rule':
    'Telt mee, met de gewone regel: risico als de wijk meer dan {margin}% ongunstiger is dan de gemeente én ongunstiger dan Nederland.',
  'own.catalogue.cocktail.no': 'Telt niet mee.',
  'own.catalogue.small': 'Kleine aantallen',
  'own.catalogue.small.count': 'Een aantal onder {n} tonen we niet.',
  'own.catalogue.small.base': 'We tonen het cijfer alleen als de basis (kolom {column}) minstens {n} is.',
  'own.catalogue.small.inhabitants':
    'We tonen het cijfer alleen in een gebied met minstens {n} inwoners volgens het CBS.',
} as const
