import type { Summary } from './stats.ts'
import type { BenchResult } from './types.ts'

const fmt = (v: number) =>
  Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)

export function formatValue(v: Summary | number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'number') return fmt(v)
  return `p50 ${fmt(v.p50)} · p95 ${fmt(v.p95)} · max ${fmt(v.max)}`
}

/** One plain-text table, the same lines README shows. */
export function formatTable(results: BenchResult[]): string {
  const header = ['entry', 'engine', 'measured', 'reference', 'ratio', 'unit', 'target']
  const rows = results.map((r) => [
    r.entry,
    r.engine,
    formatValue(r.measured),
    r.reference
      ? `${formatValue(r.reference.value)} (${r.reference.label})${r.note ? `; ${r.note}` : ''}`
      : (r.note ?? ''),
    r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
    r.unit,
    r.target ? `${r.target.pass ? 'pass' : 'FAIL'}: ${r.target.text}` : '',
  ])
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  )
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |'
  return [
    line(header),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...rows.map(line),
  ].join('\n')
}
