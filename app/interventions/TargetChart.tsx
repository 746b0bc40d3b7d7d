/**
 * A target's chart, rendered on the server as plain SVG (issue 10): it prints in black and
 * white, so nothing is told by colour alone. The baseline is a filled square, the planned line
 * is dashed, the target a dotted line with a diamond on its date, measurements are filled dots
 * (hollow when CBS calls them provisional) joined by a solid line, and each version a thin
 * vertical line labelled v1, v2 …. The <desc> says in words what the chart shows.
 */
import { useId } from 'react'
import { t, type Locale } from '~/i18n'
import type { MeasurementView, TargetView } from '~/interventions/types'
import { chartLayout, legendLayout } from './chart-layout'
import { formatIsoDate, formatMetricValue, formatMonth, formatNumber } from './format'
import type { MetricDefinition } from './metrics'
import { latestMeasurement } from './target-status'

export interface TargetChartProps {
  metric: MetricDefinition
  target: TargetView
  /** this target's measurements */
  measurements: MeasurementView[]
  versions: { number: number; createdAt: string }[]
  locale: Locale
  width?: number
  height?: number
}

const INK = '#1a1a1a'
const GREY = '#6b6b6b'

/** Only this target's measurements are drawn or described, whatever the caller passed. */
const ownMeasurements = ({ target, measurements }: Pick<TargetChartProps, 'target' | 'measurements'>) =>
  measurements.filter((m) => m.targetId === target.id)

/** The sentence a screen reader (and the report's text) gives for the chart. */
export function chartDescription(props: TargetChartProps): string {
  const { metric, target, locale } = props
  const measurements = ownMeasurements(props)
  const value = (v: number) => formatMetricValue(v, metric, locale)
  const latest = latestMeasurement(measurements)
  const summary = latest
    ? t(locale, 'interventions.chart.descLatest', {
        count: measurements.length,
        value: value(latest.value),
        date: formatIsoDate(latest.date, locale),
        status: t(locale, `interventions.targetStatus.${target.status}`),
      })
    : t(locale, 'interventions.chart.descNone')
  return t(locale, 'interventions.chart.desc', {
    baseline: value(target.baseline.value),
    baselineDate: formatIsoDate(target.baseline.date, locale),
    target: value(target.targetValue),
    targetDate: formatIsoDate(target.targetDate, locale),
    direction: t(locale, `interventions.direction.${target.direction}`).toLowerCase(),
    measurements: summary,
  })
}

function Marker({ kind, x, y }: { kind: 'baseline' | 'target' | 'measurement' | 'provisional'; x: number; y: number }) {
  if (kind === 'baseline') return <rect x={x - 5} y={y - 5} width={10} height={10} fill={INK} />
  if (kind === 'target') {
    return (
      <path d={`M${x},${y - 7}L${x + 7},${y}L${x},${y + 7}L${x - 7},${y}Z`} fill="#fff" stroke={INK} strokeWidth={2} />
    )
  }
  return <circle cx={x} cy={y} r={4.5} fill={kind === 'provisional' ? '#fff' : INK} stroke={INK} strokeWidth={2} />
}

export function TargetChart(props: TargetChartProps) {
  const { metric, target, versions, locale } = props
  const measurements = ownMeasurements(props)
  const layout = chartLayout({
    metric,
    baseline: target.baseline,
    targetValue: target.targetValue,
    targetDate: target.targetDate,
    measurements,
    versions,
    width: props.width,
    height: props.height,
  })
  const { plot } = layout
  const id = useId()
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  const tickDecimals = Math.min(metric.decimals, Math.max(0, -Math.floor(Math.log10(layout.valueStep))))
  const hasProvisional = measurements.some((m) => m.provisional)

  const legend: { kind: 'baseline' | 'line' | 'target' | 'measurement' | 'provisional' | 'version'; label: string }[] =
    [
      { kind: 'baseline', label: t(locale, 'interventions.chart.baseline') },
      { kind: 'line', label: t(locale, 'interventions.chart.line') },
      { kind: 'target', label: t(locale, 'interventions.chart.target') },
      ...(measurements.length
        ? [{ kind: 'measurement' as const, label: t(locale, 'interventions.chart.measurement') }]
        : []),
      ...(hasProvisional
        ? [{ kind: 'provisional' as const, label: t(locale, 'interventions.chart.provisional') }]
        : []),
      ...(versions.length ? [{ kind: 'version' as const, label: t(locale, 'interventions.chart.version') }] : []),
    ]
  const legendAt = legendLayout(
    legend.map((item) => item.label),
    layout,
  )

  return (
    <svg
      className="iv-chart"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      style={{ maxWidth: layout.width }}
      fontFamily="system-ui, sans-serif"
      fontSize={12}
    >
      <title id={titleId}>{t(locale, 'interventions.chart.title', { metric: metric.label[locale] })}</title>
      <desc id={descId}>{chartDescription(props)}</desc>

      {/* axes and ticks */}
      <g aria-hidden="true">
        {layout.valueTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#d0d0d0" strokeWidth={1} />
            <text x={plot.left - 8} y={tick.y + 4} textAnchor="end" fill={INK}>
              {formatNumber(tick.value, tickDecimals, locale)}
            </text>
          </g>
        ))}
        {layout.dateTicks.map((tick) => (
          <g key={tick.date}>
            <line x1={tick.x} x2={tick.x} y1={plot.bottom} y2={plot.bottom + 5} stroke={INK} />
            <text x={tick.x} y={plot.bottom + 20} textAnchor="middle" fill={INK}>
              {tick.kind === 'year' ? tick.date.slice(0, 4) : formatMonth(tick.date, locale)}
            </text>
          </g>
        ))}
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={INK} />
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={INK} />
        <text x={plot.left} y={plot.top - 14} fill={GREY}>
          {metric.unitKind === 'percent' ? '%' : metric.unit[locale]}
        </text>
      </g>

      {/* versions: when each went live */}
      <g aria-hidden="true">
        {versionMarks(layout.versions).map((v) => (
          <g key={v.label} className="iv-chart-version">
            <line x1={v.x} x2={v.x} y1={plot.top} y2={plot.bottom} stroke={GREY} strokeWidth={1} />
            <text x={v.x} y={plot.top - 2} textAnchor="middle" fill={INK} fontWeight="bold">
              {v.label}
            </text>
          </g>
        ))}
      </g>

      {/* the plan: baseline → target, and the target value */}
      <g aria-hidden="true">
        <line
          className="iv-chart-target"
          x1={layout.targetRef.x1}
          x2={layout.targetRef.x2}
          y1={layout.targetRef.y}
          y2={layout.targetRef.y}
          stroke={INK}
          strokeWidth={1.5}
          strokeDasharray="2 4"
        />
        <line
          className="iv-chart-line"
          x1={layout.targetLine.from.x}
          y1={layout.targetLine.from.y}
          x2={layout.targetLine.to.x}
          y2={layout.targetLine.to.y}
          stroke={INK}
          strokeWidth={1.5}
          strokeDasharray="8 5"
        />
        <Marker kind="baseline" {...layout.baseline} />
        <Marker kind="target" {...layout.targetRef.at} />
        <text
          x={layout.targetRef.at.x}
          y={layout.targetRef.at.y + (target.targetValue < target.baseline.value ? 22 : -12)}
          textAnchor="end"
          fill={INK}
        >
          {t(locale, 'interventions.chart.target')} {formatNumber(target.targetValue, metric.decimals, locale)} ·{' '}
          {formatIsoDate(target.targetDate, locale, 'short')}
        </text>
      </g>

      {/* measurements */}
      <g aria-hidden="true" className="iv-chart-measurements">
        {layout.measurementPath && <path d={layout.measurementPath} fill="none" stroke={INK} strokeWidth={2} />}
        {layout.measurements.map((m, i) => (
          <Marker key={i} kind={m.provisional ? 'provisional' : 'measurement'} x={m.x} y={m.y} />
        ))}
      </g>

      {/* legend: a sample of each mark with its name */}
      <g aria-hidden="true" className="iv-chart-legend">
        {legend.map((item, i) => {
          const { x, y } = legendAt[i]
          return (
            <g key={item.kind}>
              {item.kind === 'line' ? (
                <line x1={x} x2={x + 18} y1={y} y2={y} stroke={INK} strokeWidth={1.5} strokeDasharray="8 5" />
              ) : item.kind === 'version' ? (
                <line x1={x + 9} x2={x + 9} y1={y - 8} y2={y + 8} stroke={GREY} />
              ) : (
                <Marker kind={item.kind} x={x + 9} y={y} />
              )}
              <text x={x + 24} y={y + 4} fill={INK}>
                {item.label}
              </text>
            </g>
          )
        })}
      </g>
    </svg>
  )
}

/** Markers closer than this share one line and one label ("v1, v2"), so labels never overlap. */
const MARK_GAP = 28

/** Versions saved close together in time (the same session, say) as one marker each group. */
export function versionMarks(versions: readonly { number: number; x: number }[]): { x: number; label: string }[] {
  const marks: { x: number; numbers: number[] }[] = []
  for (const v of [...versions].sort((a, b) => a.x - b.x || a.number - b.number)) {
    const last = marks.at(-1)
    if (last && v.x - last.x < MARK_GAP) last.numbers.push(v.number)
    else marks.push({ x: v.x, numbers: [v.number] })
  }
  return marks.map((m) => ({ x: m.x, label: m.numbers.map((n) => `v${n}`).join(', ') }))
}
