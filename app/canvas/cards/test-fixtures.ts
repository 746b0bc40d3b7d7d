import type { IndicatorSnapshot } from './snapshot'

/**
 * What an indicator card of Binnenstad's inhabitants holds, as the bundled CBS data gives it.
 * Shared by the card tests: a real snapshot (snapshot.test.ts) and valid props (cards.test.ts).
 */
export const inwonersSnapshot: IndicatorSnapshot = {
  wijkCode: 'WK079601',
  wijkName: 'Binnenstad',
  gemeenteName: "'s-Hertogenbosch",
  indicatorCode: 'inwoners',
  label: { nl: 'Inwoners', en: 'Inhabitants' },
  level: 'wijk',
  value: 13895,
  reason: null,
  unit: 'aantal',
  decimals: 0,
  period: '2024JJ00',
  periodLabel: '2024',
  gemeenteValue: 160757,
  nationalValue: 17942942,
  isRisk: null,
  riskThreshold: null,
  sourceTable: '85984NED',
  sourceColumn: 'AantalInwoners_5',
  sourceOrganisation: null,
}
