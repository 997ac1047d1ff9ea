import { sql } from 'drizzle-orm'
import { apiAs } from '../lib/session.ts'
import type { BenchEntry } from '../lib/types.ts'

/**
 * Hazard-source updates through the API (validation, scope, GB 18218 grading, optimistic
 * version check, audit entry, one transaction) against bare single-row INSERTs on the same
 * engine: the ratio says what the safety of a write costs.
 */
export const hazardWrites: BenchEntry = {
  name: 'hazard-source updates/s',
  async run(ctx) {
    const api = await apiAs(ctx.database, 'shaanxi')
    const n = ctx.quick ? 60 : 300
    const ids = await ctx.database.db.execute(
      sql`select id, version from hazard_sources where retired_at is null order by id limit ${n}`,
    )
    const rows = ids.rows as { id: string; version: number }[]
    const t0 = performance.now()
    for (const [i, row] of rows.entries()) {
      await api.request(`/api/hazard-sources/${row.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ version: row.version, peopleWithin500m: 40 + (i % 80) }),
      })
    }
    const apiPerSecond = rows.length / ((performance.now() - t0) / 1000)

    await ctx.database.db.execute(
      sql`create temporary table bench_insert (id serial, name text, quantity double precision, at timestamptz default now())`,
    )
    const t1 = performance.now()
    for (let i = 0; i < rows.length; i++) {
      await ctx.database.db.execute(
        sql`insert into bench_insert (name, quantity) values (${'row-' + i}, ${i})`,
      )
    }
    const barePerSecond = rows.length / ((performance.now() - t1) / 1000)
    await ctx.database.db.execute(sql`drop table bench_insert`)
    return [
      {
        entry: `${this.name} (${rows.length} PATCH)`,
        engine: ctx.database.engine,
        metric: 'throughput',
        measured: apiPerSecond,
        reference: { label: 'bare INSERT/s', value: barePerSecond },
        ratio: barePerSecond / apiPerSecond,
        unit: 'writes/s',
        note: 'ratio = how many bare inserts fit in one audited, graded update',
      },
    ]
  },
}
