import type { Database } from '../../server/db/database.ts'
import type { Summary } from './stats.ts'

export interface BenchContext {
  database: Database
  quick: boolean
  /** Rows the dataset holds, for the report. */
  dataset: Record<string, number>
  log: (line: string) => void
}

/**
 * One row of the table. Each measurement is reported beside a reference measured in the same
 * run on the same machine (the ratio is what to compare across runs, since absolute times on
 * shared machines drift).
 */
export interface BenchResult {
  entry: string
  engine: string
  metric: string
  measured: Summary | number | null
  reference?: { label: string; value: Summary | number }
  ratio?: number
  unit: string
  note?: string
  /** #19's target for this row, e.g. '≥ 300/s and ≤ 12×', and whether this run met it. */
  target?: { text: string; pass: boolean }
}

export interface BenchEntry {
  name: string
  run(ctx: BenchContext): Promise<BenchResult[]>
}
