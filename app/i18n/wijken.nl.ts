/** Dutch texts of the wijk data profile pages (merged into the one dictionary in ./nl.ts). Plain language (B1). */
export const wijkenNl = {
  'wijken.title': 'Wijkprofiel',
  'wijken.nav.label': 'Wijkcijfers',
  'wijken.nav.breadcrumb': 'Kruimelpad',
  'wijken.nav.index': 'Wijkcijfers',
  'wijken.nav.cocktail': 'Hoe berekenen we de risicococktail?',
  'wijken.nav.catalogue': 'Alle cijfers en hun bron',
  'wijken.attribution': 'Bron: CBS, CC BY 4.0',
  'wijken.attribution.link': 'Over het gebruik van CBS-cijfers (cbs.nl)',
  'wijken.attribution.map': 'Kaart: CBS Wijk- en buurtkaart 2024 via PDOK, CC BY 4.0.',
  'wijken.level.gemeente': 'cijfer voor de hele gemeente',
  // Why a figure is not shown (HiddenReason in app/wijken/privacy.ts); never a number in its place.
  'wijken.reason.too-small': 'te klein om te tonen',
  'wijken.reason.suppressed': 'geheim of onbekend bij CBS',
  'wijken.reason.not-published': 'niet gepubliceerd door CBS',
  'wijken.reason.no-data': 'geen gegevens voor dit gebied',
  // Units of the catalogue (format-view.ts, formatUnit); a unit from another source is shown as written.
  'wijken.unit.percent': '%',
  'wijken.unit.count': 'aantal',
  'wijken.unit.perThousandYoung': 'per 1.000 inwoners van 0–25 jaar',
  'wijken.unit.thousandEuro': 'x 1.000 euro',
  'wijken.period.half1': '1e halfjaar {year}',
  'wijken.period.half2': '2e halfjaar {year}',
  'wijken.period.quarter': '{n}e kwartaal {year}',
  'wijken.unit.factors': 'ongunstige factoren',
  'wijken.unitLabel': 'eenheid: {unit}',

  // The risk cocktail in words (app/wijken/cocktail-text.ts).
  'wijken.cocktailText.and': 'en',
  'wijken.cocktailText.count': '{count} van {assessed} beoordeelde factoren',
  'wijken.cocktailText.countOne': '{count} van {assessed} beoordeelde factor',
  'wijken.cocktailText.notAssessed': '{n} niet te bepalen',
  'wijken.cocktailText.noneAssessed': 'niet te bepalen: geen van de {factors} factoren heeft een cijfer',
  'wijken.cocktailText.summary.noneAssessed':
    'Voor {wijk} zijn te weinig open cijfers om te zien of risico’s zich opstapelen: geen van de {factors} factoren is te bepalen.',
  'wijken.cocktailText.summary.noRisk':
    'In {wijk} ligt geen van de {assessed} beoordeelde factoren duidelijk ongunstiger dan in {gemeente} én in heel Nederland.',
  'wijken.cocktailText.summary.riskOne':
    'In {wijk} ligt {count} van de {assessed} beoordeelde factoren duidelijk ongunstiger dan in {gemeente} én in heel Nederland: {names}.',
  'wijken.cocktailText.summary.risk':
    'In {wijk} liggen {count} van de {assessed} beoordeelde factoren duidelijk ongunstiger dan in {gemeente} én in heel Nederland: {names}.',
  'wijken.cocktailText.summary.missing': '{n} van de {factors} factoren konden we niet beoordelen: {names}.',
  'wijken.cocktailText.summary.missingUnknown': '{n} van de {factors} factoren konden we niet beoordelen.',
  'wijken.cocktailText.summary.closing':
    'Het gaat om cijfers over de hele wijk; ze zeggen niets over één gezin of persoon.',
  // Why a factor of the cocktail could not be assessed (NotAssessedReason in app/wijken/cocktail.ts).
  'wijken.cocktailReason.too-small': 'te klein om te tonen',
  'wijken.cocktailReason.suppressed': 'geheim of onbekend bij CBS',
  'wijken.cocktailReason.not-published': 'niet gepubliceerd door CBS',
  'wijken.cocktailReason.no-data': 'geen cijfer van CBS voor deze wijk',
  'wijken.cocktailReason.no-gemeente-figure': 'geen cijfer van de gemeente om mee te vergelijken',
  'wijken.cocktailReason.no-national-figure': 'geen cijfer van Nederland om mee te vergelijken',

  'wijken.index.title': 'Wijkcijfers',
  'wijken.index.lead':
    'Open cijfers van het CBS per wijk: hoeveel mensen er wonen, hoe ze wonen, en hoeveel jongeren jeugdzorg krijgen. Kies een gemeente.',
  'wijken.index.gemeenten': 'Gemeenten',
  'wijken.index.wijken': '{count} wijken',
  'wijken.index.open': 'Wijken van {name}',
  'wijken.index.empty': 'Er zijn nog geen wijkcijfers ingelezen.',
  'wijken.index.about': 'Over deze cijfers',
  'wijken.index.cocktail': 'Risicococktail: in de wijken zijn {n} van de {factors} factoren te beoordelen.',
  'wijken.index.cocktailNone':
    'Risicococktail: in geen enkele wijk te bepalen (geen van de {factors} factoren heeft cijfers).',
  'wijken.index.thin': 'Weinig cijfers: voor de wijken van {name} hebben we alleen {names}.',
  'wijken.index.comparable':
    'Niet elke gemeente heeft dezelfde cijfers. Vergelijk de risicococktail daarom alleen tussen wijken van dezelfde gemeente, waar dezelfde factoren beoordeeld zijn.',
  'wijken.index.privacy':
    'We tonen alleen cijfers over hele wijken, nooit over één gezin of persoon. Kleine aantallen laten we niet zien.',

  'wijken.gemeente.title': 'Wijken in {name}',
  'wijken.gemeente.lead':
    'Per wijk: hoeveel mensen er wonen en hoeveel risicofactoren zich opstapelen (de risicococktail). Klik op een wijk voor alle cijfers.',
  'wijken.gemeente.col.wijk': 'Wijk',
  'wijken.gemeente.col.inhabitants': 'Inwoners',
  'wijken.gemeente.col.cocktail': 'Risicococktail',
  'wijken.gemeente.comparable.title': 'Let op bij het vergelijken',
  'wijken.gemeente.comparable.here':
    'In {gemeente} zijn {n} van de {factors} factoren van de risicococktail te beoordelen: {names}.',
  'wijken.gemeente.comparable.hereNone':
    'In {gemeente} is geen van de {factors} factoren van de risicococktail te beoordelen. Er zijn te weinig cijfers.',
  'wijken.gemeente.comparable.within':
    'Niet in elke wijk zijn dezelfde factoren te beoordelen. Vergelijk de risicococktail alleen tussen wijken waar dezelfde factoren beoordeeld zijn.',
  'wijken.gemeente.comparable.others':
    'In andere gemeenten zijn andere factoren te beoordelen ({others}). Vergelijk de risicococktail daarom niet tussen wijken van verschillende gemeenten.',
  'wijken.gemeente.comparable.other': '{name}: {n} van de {factors}',
  'wijken.gemeente.back': 'Alle gemeenten',
  'wijken.gemeente.notFound': 'Gemeente {code} kennen we niet. Een gemeentecode ziet eruit als GM0796.',

  'wijken.map.title': 'Kaart',
  'wijken.map.choose': 'Cijfer op de kaart',
  'wijken.map.show': 'Toon op de kaart',
  'wijken.map.svgTitle': '{indicator} per wijk in {gemeente}',
  'wijken.map.hint': 'Klik op een wijk om het wijkprofiel te openen. Donkerder betekent een hoger cijfer.',
  'wijken.map.cocktail': 'Risicococktail',
  'wijken.map.cocktailGrey': 'niet te bepalen: geen enkele factor heeft een cijfer',
  'wijken.map.cocktailHint':
    'De kleur is het aantal beoordeelde factoren dat duidelijk ongunstiger is dan in de gemeente én in Nederland.',
  'wijken.map.legend': 'Legenda',
  'wijken.map.hatched': 'te klein om te tonen of geheim bij CBS',
  'wijken.map.grey': 'geen gegevens of niet gepubliceerd',
  'wijken.map.gemeenteLevel':
    'CBS publiceert dit cijfer alleen voor de hele gemeente. Alle wijken hebben daarom dezelfde kleur.',
  'wijken.map.reference': '{gemeente}: {gemeenteValue} · Nederland: {nationalValue}',
  'wijken.map.source': 'Bron: CBS, tabel {table}, kolom {column}, {period}.',
  'wijken.map.current': 'deze wijk',
  'wijken.map.none': 'Voor deze gemeente is geen kaart beschikbaar.',
  'wijken.map.unit': 'Eenheid: {unit}',
  'wijken.map.legendUnit': 'Legenda ({unit})',

  'wijken.profile.subtitle': 'Wijk in {gemeente} · CBS-code {code}',
  'wijken.profile.back': 'Alle wijken van {gemeente}',
  'wijken.profile.notFound': 'Wijk {code} kennen we niet. Een wijkcode ziet eruit als WK079601.',
  'wijken.profile.cocktail.title': 'Risicococktail',
  'wijken.profile.cocktail.countText': 'zijn duidelijk ongunstiger dan in {gemeente} én in Nederland.',
  'wijken.profile.cocktail.countTextOne': 'is duidelijk ongunstiger dan in {gemeente} én in Nederland.',
  'wijken.profile.cocktail.notAssessedCount': '{n} van de {factors} factoren zijn niet te bepalen.',
  'wijken.profile.cocktail.notAssessedCountOne': '{n} van de {factors} factoren is niet te bepalen.',
  'wijken.profile.cocktail.none': 'Geen van de {factors} factoren is te bepalen: er zijn te weinig cijfers.',
  'wijken.profile.cocktail.notAssessedWhy': 'niet te bepalen: {reason}',
  'wijken.profile.cocktail.risk': 'ongunstiger',
  'wijken.profile.cocktail.noRisk': 'niet ongunstiger',
  'wijken.profile.cocktail.notAssessed': 'niet te bepalen',
  'wijken.profile.cocktail.how': 'Hoe berekenen we dit?',
  'wijken.profile.figures.title': 'Alle cijfers van de wijk',
  'wijken.profile.figures.gemeente.title': 'Cijfers die CBS alleen per gemeente publiceert',
  'wijken.profile.figures.gemeente.lead':
    'Deze cijfers zijn voor de hele gemeente {gemeente}. Ze zeggen niets over deze wijk apart en tellen niet mee in de risicococktail.',
  'wijken.profile.col.indicator': 'Cijfer',
  'wijken.profile.col.wijk': 'Deze wijk',
  'wijken.profile.col.gemeente': '{gemeente}',
  'wijken.profile.col.national': 'Nederland',
  'wijken.profile.col.difference': 'Verschil met {gemeente}',
  'wijken.profile.col.differenceNational': 'Verschil met Nederland',
  'wijken.profile.col.period': 'Periode',
  'wijken.profile.unfavourable': 'duidelijk ongunstiger',
  'wijken.profile.unfavourableNotCounted': 'ongunstiger (telt niet mee)',
  'wijken.profile.sourceRef': 'bron {n}',
  'wijken.profile.newer': 'Nieuwer ({period}): {reason}.',
  'wijken.profile.sameTopic':
    'Niet hetzelfde als “{other}” bij de wijkcijfers ({otherUnit}). CBS publiceert dit cijfer alleen per gemeente, als percentage van de jongeren tot 18 jaar. Die groep publiceert CBS niet per wijk; daarom rekenen we per wijk {otherUnit}. Vergelijk de twee cijfers dus niet met elkaar.',
  'wijken.profile.trends.title': 'Door de tijd',
  'wijken.profile.trends.lead': 'Cijfers die CBS voor meer dan één periode publiceert.',
  'wijken.profile.trends.wijk': 'wijk',
  'wijken.profile.trends.legend': 'Lijn: {own}. Stippellijn: {ref}.',
  'wijken.profile.trends.gemeente': 'gemeente',
  'wijken.profile.sources.title': 'Bronnen',
  'wijken.profile.sources.lead':
    'Elk cijfer komt uit een tabel van het CBS. De cijfers voor de gemeente en Nederland komen uit dezelfde tabel en kolom en zijn op dezelfde manier berekend.',
  'wijken.profile.sources.table': 'CBS-tabel',
  'wijken.profile.sources.item': '({title}), kolom {column}, periode {period}',
  'wijken.profile.sources.back': 'terug naar het cijfer',
  'wijken.profile.sources.none': 'geen cijfer gevonden in de ingelezen tabellen',
  'wijken.profile.sources.category': 'vorm: {category}',

  'wijken.cocktail.title': 'Hoe berekenen we de risicococktail?',
  'wijken.cocktail.lead':
    'Op deze pagina leggen we uit hoe Wijkatelier de risicococktail van een wijk berekent. Net als in het algoritmeregister van de overheid: wat is het doel, welke cijfers gebruiken we, wat is de regel, en wat zegt het níet.',
  'wijken.cocktail.purpose.title': 'Waarvoor is het?',
  'wijken.cocktail.purpose.text':
    'De risicococktail laat zien welke risicofactoren voor kinderen en gezinnen zich opstapelen in een wijk. Dat is het begin van een gesprek: ouders en professionals bedenken samen wat de hele wijk of school kan helpen.',
  'wijken.cocktail.type.title': 'Wat voor rekenregel is het?',
  'wijken.cocktail.type.text':
    'Een vaste, eenvoudige regel. Er is geen kunstmatige intelligentie, geen voorspelling en geen model dat leert van gegevens. Iedereen kan de regel nadoen met de cijfers op de wijkpagina.',
  'wijken.cocktail.inputs.title': 'Welke cijfers gebruiken we?',
  'wijken.cocktail.inputs.text':
    'Alleen open cijfers van het CBS over hele gebieden (wijk, gemeente, Nederland). Deze {count} cijfers tellen mee:',
  'wijken.cocktail.inputs.more':
    'Alle andere cijfers, met hun definitie en bron, staan in het overzicht van alle cijfers.',
  'wijken.cocktail.rule.title': 'Wanneer is een cijfer een risico?',
  'wijken.cocktail.rule.text': 'Een cijfer telt als risico in een wijk als allebei waar is:',
  'wijken.cocktail.rule.one':
    'het cijfer van de wijk is meer dan {margin}% ongunstiger dan het cijfer van de eigen gemeente (bijvoorbeeld: de gemeente heeft 3,0%, de wijk meer dan {example}%);',
  'wijken.cocktail.rule.two': 'én het cijfer van de wijk is ongunstiger dan het cijfer van heel Nederland.',
  'wijken.cocktail.rule.direction':
    'Bij de meeste cijfers is hoger ongunstig. Bij inkomen is lager ongunstig; dan draaien we de regel om.',
  'wijken.cocktail.rule.count':
    'De risicococktail is het aantal factoren dat tegelijk een risico is. We tonen altijd hoeveel factoren we konden beoordelen, en welke niet en waarom. Bijvoorbeeld: "1 van 2 beoordeelde factoren; 4 niet te bepalen: geen cijfer van CBS voor deze wijk".',
  'wijken.cocktail.missing.title': 'Wat doen we als een cijfer ontbreekt?',
  'wijken.cocktail.missing.notCounted':
    'Een factor zonder cijfer beoordelen we niet. Hij telt niet als risico en ook niet als "geen risico". We raden nooit wat het cijfer zou zijn.',
  'wijken.cocktail.missing.reasons':
    'We zeggen altijd waarom een factor niet te bepalen is: het cijfer is te klein om te tonen, het is geheim of onbekend bij CBS, CBS heeft het niet gepubliceerd, er is geen cijfer voor de wijk, of er is geen cijfer van de gemeente of van Nederland om mee te vergelijken.',
  'wijken.cocktail.missing.compare':
    'Daarom zijn wijken niet altijd te vergelijken. "1 van 2" in de ene wijk en "1 van 4" in een andere wijk zeggen iets anders. Vergelijk alleen wijken waar dezelfde factoren beoordeeld zijn. Let daar vooral op bij wijken in verschillende gemeenten: niet elke gemeente heeft dezelfde cijfers.',
  'wijken.cocktail.missing.older':
    'Is het nieuwste cijfer van een wijk te klein of geheim, dan gebruiken we het nieuwste cijfer dat er wel is, met zijn eigen periode. De gemeente en Nederland nemen we dan uit dezelfde periode.',
  'wijken.cocktail.why.title': 'Waarom deze regel?',
  'wijken.cocktail.why.gemeente':
    'We vergelijken met de eigen gemeente, omdat de gemeente kiest waar ze begint. We vergelijken ook met Nederland, zodat een wijk niet opvalt alleen omdat de rest van de gemeente het goed doet.',
  'wijken.cocktail.why.margin':
    'De marge van {margin}% is er omdat het CBS aantallen afrondt. Zo valt een wijk niet door toeval net over de grens.',
  'wijken.cocktail.why.once':
    'Cijfers die bijna hetzelfde meten (zoals verschillende vormen van jeugdzorg, of huurwoningen en corporatiewoningen) tellen maar één keer.',
  'wijken.cocktail.privacy.title': 'Privacy: wat laten we niet zien?',
  'wijken.cocktail.privacy.base':
    'Een cijfer tonen we alleen als alle aantallen waar het op rust minstens {minBase} zijn. Anders staat er "te klein om te tonen". Dat geldt ook voor de gegevens die naar de browser gaan.',
  'wijken.cocktail.privacy.empty':
    'Een leeg vakje bij het CBS lezen we nooit als 0. Dan staat er "geheim of onbekend bij CBS", "niet gepubliceerd door CBS" of "geen gegevens voor dit gebied".',
  'wijken.cocktail.privacy.cbs':
    'Het CBS rondt aantallen per wijk zelf al af en laat heel kleine aantallen weg. Bestanden met gegevens over personen (zoals BSN, naam of adres) leest Wijkatelier niet in.',
  'wijken.cocktail.not.title': 'Wat betekent het níet?',
  'wijken.cocktail.not.family':
    'Het zegt niets over één gezin, kind of persoon. De meeste gezinnen in een wijk met veel risicofactoren redden zich goed. Het zijn gemiddelden van de hele wijk.',
  'wijken.cocktail.not.prediction':
    'Het is geen voorspelling van jeugdzorg, uithuisplaatsing of iets anders. Het is ook geen rangorde van goede en slechte wijken.',
  'wijken.cocktail.not.zero':
    'Een 0 betekent niet dat er geen problemen zijn. Cijfers kunnen ontbreken, en veel dingen die ertoe doen staan niet in open cijfers.',
  'wijken.cocktail.not.start':
    'Het is een begin van het gesprek. Ouders en professionals vullen aan wat de cijfers niet laten zien.',
  'wijken.cocktail.who.title': 'Wie is verantwoordelijk?',
  'wijken.cocktail.who.text':
    'Het preventieprogramma in Hart van Brabant dat Wijkatelier gebruikt. De regel en de lijst met cijfers staan in de broncode (app/wijken/indicators.ts en app/wijken/cocktail.ts). Een wijziging leggen we vast als besluit, met de reden.',
  'wijken.cocktail.licence.title': 'Bron en licentie',
  'wijken.cocktail.licence.text':
    'Alle cijfers komen van het CBS en vallen onder de licentie CC BY 4.0: je mag ze gebruiken als je het CBS als bron noemt. De wijkgrenzen komen uit de Wijk- en buurtkaart 2024 van het CBS (via PDOK).',
  'wijken.cocktail.col.indicator': 'Cijfer',
  'wijken.cocktail.col.direction': 'Ongunstig als',
  'wijken.cocktail.col.source': 'Bron (CBS-tabel, kolom)',

  'wijken.catalogue.title': 'Alle cijfers en hun bron',
  'wijken.catalogue.lead':
    'Alle cijfers die Wijkatelier toont: wat ze betekenen, hoe we ze berekenen en uit welke CBS-tabel ze komen.',
  'wijken.catalogue.contents': 'Inhoud',
  'wijken.catalogue.code': 'Code',
  'wijken.catalogue.definition': 'Wat is het?',
  'wijken.catalogue.unit': 'Eenheid',
  'wijken.catalogue.source': 'Bron',
  'wijken.catalogue.computation': 'Hoe berekend',
  'wijken.catalogue.direction': 'Ongunstig als',
  'wijken.catalogue.reference': 'Vergeleken met',
  'wijken.catalogue.rule': 'Risicococktail',
  'wijken.catalogue.minBase': 'Minimale basis',
  'wijken.catalogue.minBase.value': 'alle aantallen minstens {n}',
  'wijken.catalogue.level': 'Gepubliceerd per',
  'wijken.catalogue.level.wijk': 'wijk (en buurt)',
  'wijken.catalogue.level.gemeente': 'alleen gemeente',
  'wijken.direction.higher': 'hoger',
  'wijken.direction.lower': 'lager',
  'wijken.direction.none': 'geen (achtergrondcijfer)',
  'wijken.catalogue.inCocktail': 'telt mee',

  'wijken.import.title': 'CBS-bestanden inlezen',
  'wijken.import.adminOnly': 'Alleen een beheerder mag de cijfers van het CBS inlezen of verwijderen.',
  'wijken.import.lead':
    'Lees een of meer tabellen van het CBS in (CSV van StatLine of JSON van de OData-dienst). Een bestand wordt helemaal ingelezen of helemaal niet. Hetzelfde bestand opnieuw inlezen verandert niets.',
  'wijken.import.files': 'Bestanden (.csv of .json, elk hoogstens {mb} MB)',
  'wijken.import.submit': 'Inlezen',
  'wijken.import.busy': 'Bezig met inlezen…',
  'wijken.import.noFiles': 'Kies eerst een of meer bestanden.',
  'wijken.import.tooBig': 'Een bestand is groter dan {mb} MB. Splits het bestand of lees het in met de opdrachtregel.',
  'wijken.import.results': 'Resultaat',
  'wijken.import.ok': 'Ingelezen',
  'wijken.import.failed': 'Niet ingelezen — er is niets opgeslagen',
  'wijken.import.table': 'Tabel',
  'wijken.import.periods': 'Perioden',
  'wijken.import.rows': 'Regels',
  'wijken.import.regions': 'Gebieden',
  'wijken.import.values': 'Waarden',
  'wijken.import.unknownColumns': 'Onbekende kolommen (niet ingelezen)',
  'wijken.import.warnings': 'Let op',
  'wijken.import.none': 'geen',
  'wijken.import.col.line': 'Regel',
  'wijken.import.col.column': 'Kolom',
  'wijken.import.col.message': 'Wat is er mis?',
  'wijken.import.kind.person-level': 'Dit lijkt op gegevens over personen. Die leest Wijkatelier nooit in.',
  'wijken.import.kind.unknown-table': 'Deze CBS-tabel kent Wijkatelier niet.',
  'wijken.import.kind.invalid': 'Het bestand klopt niet.',
  'wijken.import.list.title': 'Wat er is ingelezen',
  'wijken.import.list.lead':
    'Elke regel is één tabel en periode uit één bestand. Verwijderen haalt die regel weg met de waarden die er nog uit komen, uit elk wijkprofiel.',
  'wijken.import.list.empty': 'Er is nog niets ingelezen.',
  'wijken.import.list.period': 'Periode',
  'wijken.import.list.file': 'Bestand',
  'wijken.import.list.by': 'Door',
  'wijken.import.list.when': 'Wanneer',
  'wijken.import.list.actions': 'Acties',
  'wijken.import.list.noOne': 'meegeleverd of opdrachtregel',
  'wijken.import.remove': 'Verwijderen',
  'wijken.import.remove.label': '{table} {period} uit {file} verwijderen',
  'wijken.import.confirm.title': '{table} {period} uit {file} verwijderen?',
  'wijken.import.confirm.text':
    'De {values} waarden uit dit bestand verdwijnen uit elk wijkprofiel. Waarden die een ander bestand heeft ingelezen blijven staan. Lees het bestand opnieuw in om ze terug te krijgen.',
  'wijken.import.confirm.yes': 'Ja, verwijderen',
  'wijken.import.confirm.no': 'Annuleren',
  'wijken.import.removed': '{table} {period} uit {file} is verwijderd ({values} waarden).',
  'wijken.import.notFound': 'Dit ingelezen bestand bestaat niet (meer).',
} as const
