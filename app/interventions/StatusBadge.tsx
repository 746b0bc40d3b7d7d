/**
 * Small status marks for targets and interventions. Each one is text first (a symbol or lamp
 * position beside it, colour last), so it reads the same in black and white and to a screen reader.
 */
import { t, type Locale } from '~/i18n'
import type { TargetStatus } from '~/interventions/types'
import type { InterventionStatus } from '../../db/interventions'
import { statusLight } from './target-status'

const symbols: Record<TargetStatus, string> = {
  bereikt: '✓',
  'op-koers': '→',
  achter: '!',
  'geen-meting': '–',
}

/** The computed status of a target: "✓ Doel bereikt", "! Achter op schema" … */
export function StatusBadge({ status, locale }: { status: TargetStatus; locale: Locale }) {
  return (
    <span className={`iv-badge iv-badge-${status}`}>
      <span aria-hidden="true">{symbols[status]} </span>
      {t(locale, `interventions.targetStatus.${status}`)}
    </span>
  )
}

const lamps = ['rood', 'oranje', 'groen'] as const
const colours: Record<(typeof lamps)[number], string> = { rood: '#c62828', oranje: '#e08a00', groen: '#2e7d32' }

/**
 * An intervention's status as a traffic light: three lamps, top red, middle amber, bottom green,
 * the lit one filled; beside it the status in words and, for screen readers, what the light means.
 */
export function TrafficLight({ status, locale }: { status: InterventionStatus; locale: Locale }) {
  const light = statusLight(status)
  return (
    <span className={`iv-light iv-light-${light}`}>
      <svg viewBox="0 0 14 38" width={10} height={27} aria-hidden="true" focusable="false">
        <rect x={0.5} y={0.5} width={13} height={37} rx={3} fill="#fff" stroke="#1a1a1a" />
        {lamps.map((lamp, i) => (
          <circle
            key={lamp}
            cx={7}
            cy={7 + i * 12}
            r={4.5}
            fill={lamp === light ? colours[lamp] : '#fff'}
            stroke="#1a1a1a"
            strokeWidth={lamp === light ? 1.5 : 0.75}
          />
        ))}
      </svg>{' '}
      {t(locale, `interventions.status.${status}`)}
      <span className="visually-hidden"> ({t(locale, `interventions.light.${light}`)})</span>
    </span>
  )
}
