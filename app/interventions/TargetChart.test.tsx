import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { MeasurementView, TargetView } from '~/interventions/types'
import { findMetric, type MetricDefinition } from './metrics'
import { StatusBadge, TrafficLight } from './StatusBadge'
import { chartDescription, TargetChart, versionMarks } from './TargetChart'

const metric = findMetric('uithuisplaatsing') as MetricDefinition
const target: TargetView = {
  id: 't1',
  metric: 'uithuisplaatsing',
  direction: 'lower',
  baseline: {
    value: 10.6,
    date: '2024-12-31',
    source: {
      kind: 'data',
      indicators: ['jeugdhulp-gemeente', 'jeugdhulp-met-verblijf-gemeente'],
      regionCode: 'GM0855',
      level: 'gemeente',
      table: '85098NED',
      column: 'JongerenMetJeugdhulpInNatura, JongerenMetJeugdhMetVerblInNat',
      period: '2024JJ00',
    },
  },
  targetValue: 8,
  targetDate: '2027-12-31',
  status: 'op-koers',
  judgement: null,
  createdAt: '2025-02-01T10:00:00.000Z',
}
const measurement = (
  id: string,
  value: number,
  date: string,
  provisional = false,
  targetId = 't1',
): MeasurementView => ({
  id,
  targetId,
  value,
  date,
  period: null,
  source: 'CBS',
  provisional,
  origin: { kind: 'hand' },
  createdAt: `${date}T12:00:00.000Z`,
})

const measurements = [measurement('m1', 10.2, '2025-06-30'), measurement('m2', 9.4, '2025-12-31', true)]
const versions = [
  { number: 1, createdAt: '2025-02-01T10:00:00.000Z' },
  { number: 2, createdAt: '2025-09-01T10:00:00.000Z' },
]

describe('TargetChart', () => {
  const html = renderToStaticMarkup(
    <TargetChart metric={metric} target={target} measurements={measurements} versions={versions} locale="nl" />,
  )

  it('is an image with a title and a description in words', () => {
    expect(html).toMatch(/^<svg[^>]*role="img"/)
    expect(html).toMatch(
      /<title id="[^"]+">Jeugdhulp met verblijf \(uithuisplaatsing\): nulmeting, doel en metingen<\/title>/,
    )
    const desc = /<desc id="[^"]+">([^<]*)<\/desc>/.exec(html)?.[1]
    expect(desc).toBe(
      'Nulmeting 10,6 per 1.000 jongeren tot 18 jaar op 31 december 2024. Doel 8,0 per 1.000 jongeren tot 18 jaar op 31 december 2027 (lager is beter). 2 meting(en), de laatste 9,4 per 1.000 jongeren tot 18 jaar op 31 december 2025. Stand: Op koers.',
    )
    const labelled = /aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/.exec(html)
    expect(html).toContain(`<title id="${labelled?.[1]}"`)
    expect(html).toContain(`<desc id="${labelled?.[2]}"`)
  })

  it('labels versions and provisional measurements, and writes numbers the Dutch way', () => {
    expect(html).toContain('>v1<')
    expect(html).toContain('>v2<')
    expect(html).toContain('Meting, voorlopig')
    expect(html).toContain('>Doel 8,0 · 31 dec 2027<')
    expect(html).not.toMatch(/>\d+\.\d</)
    // one hollow dot (provisional) and one filled one, joined by a line
    const points = /<g aria-hidden="true" class="iv-chart-measurements">(.*?)<\/g>/.exec(html)?.[1] ?? ''
    expect(points.match(/<circle[^>]*fill="#fff"/g)).toHaveLength(1)
    expect(points.match(/<circle[^>]*fill="#1a1a1a"/g)).toHaveLength(1)
    expect(points).toMatch(/<path d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+" fill="none"/)
    // the planned line is dashed, the measurements' line is not
    expect(html).toContain('stroke-dasharray="8 5"')
  })

  it('leaves other targets’ measurements out, and says when there are none', () => {
    const other = renderToStaticMarkup(
      <TargetChart
        metric={metric}
        target={{ ...target, status: 'geen-meting' }}
        measurements={[measurement('x', 3, '2025-06-30', true, 't2')]}
        versions={[]}
        locale="en"
      />,
    )
    expect(other).not.toContain('Measurement, provisional')
    expect(other).toContain('No measurements yet.')
    expect(other).not.toContain('>v1<')
    expect(other).toContain('10.6 per 1,000 young people under 18')
  })

  it('describes the latest measurement by date', () => {
    const text = chartDescription({ metric, target, measurements: [...measurements].reverse(), versions, locale: 'nl' })
    expect(text).toContain('de laatste 9,4')
  })
})

describe('StatusBadge and TrafficLight', () => {
  it('say the status in words, not only in colour', () => {
    expect(renderToStaticMarkup(<StatusBadge status="achter" locale="nl" />)).toBe(
      '<span class="iv-badge iv-badge-achter"><span aria-hidden="true">! </span>Achter op schema</span>',
    )
    const light = renderToStaticMarkup(<TrafficLight status="pilot" locale="nl" />)
    expect(light).toContain('class="iv-light iv-light-oranje"')
    expect(light).toContain('Pilot')
    expect(light).toContain('Oranje: nog in ontwerp of proef')
    // exactly one lamp lit, and it is the middle one
    const lamps = [...light.matchAll(/<circle cx="7" cy="(\d+)" r="4.5" fill="([^"]+)"/g)].map((m) => [m[1], m[2]])
    expect(lamps).toEqual([
      ['7', '#fff'],
      ['19', '#e08a00'],
      ['31', '#fff'],
    ])
    expect(renderToStaticMarkup(<TrafficLight status="gestopt" locale="en" />)).toContain('Red: stopped')
  })
})

describe('version markers', () => {
  it('share one marker when saved close together, and stay apart otherwise', () => {
    expect(
      versionMarks([
        { number: 2, x: 110 },
        { number: 1, x: 100 },
        { number: 3, x: 300 },
      ]),
    ).toEqual([
      { x: 100, label: 'v1, v2' },
      { x: 300, label: 'v3' },
    ])
  })
})
