import type { BenchEntry } from '../lib/types.ts'

/**
 * Entries whose feature has not landed yet. They are listed so the table shows what is not
 * measured, rather than leaving it out silently.
 */
const pending = [{ entry: 'MVT tiles/s vs ST_AsMVT', issue: 'dynamic MVT layers (issue #4)' }]

export const notBuilt: BenchEntry = {
  name: 'not built yet',
  async run(ctx) {
    return pending.map((p) => ({
      entry: p.entry,
      engine: ctx.database.engine,
      metric: '—',
      measured: null,
      unit: '',
      note: `not measured: ${p.issue} has not landed`,
    }))
  },
}
