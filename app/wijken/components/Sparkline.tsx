/** A small line chart of a few periods: the area (solid) and its reference (dashed). Decorative; the table beside it has the numbers. */
export function Sparkline({
  series,
  width = 160,
  height = 44,
}: {
  series: { values: (number | null)[]; dashed?: boolean }[]
  width?: number
  height?: number
}) {
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null)
  if (all.length === 0) return null
  const min = Math.min(...all)
  const max = Math.max(...all)
  const n = Math.max(...series.map((s) => s.values.length))
  const pad = 4
  const x = (i: number) => pad + (n === 1 ? 0 : (i * (width - 2 * pad)) / (n - 1))
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min))
  return (
    <svg
      className="wk-spark"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
    >
      {series.map((s, si) => {
        // A hidden value breaks the line rather than dropping to 0.
        const segments: string[] = []
        let current = ''
        s.values.forEach((v, i) => {
          if (v === null) {
            if (current) segments.push(current)
            current = ''
          } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`
        })
        if (current) segments.push(current)
        return (
          <g key={si} className={s.dashed ? 'wk-spark-ref' : 'wk-spark-own'}>
            {segments.map((d, i) => (
              <path key={i} d={d} fill="none" />
            ))}
            {s.values.map((v, i) => (v === null || s.dashed ? null : <circle key={i} cx={x(i)} cy={y(v)} r={2.5} />))}
          </g>
        )
      })}
    </svg>
  )
}
