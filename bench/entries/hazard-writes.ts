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

    // #19's target: the same PATCHes from CLIENTS at once (each row once, versions now + 1),
    // against bare INSERTs from as many at once. The embedded engine has one connection, so
    // there the clients queue; on the server they share the pool.
    const CLIENTS = 8
    const queue = [...rows.entries()]
    const t2 = performance.now()
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [i, row] = next
          await api.request(`/api/hazard-sources/${row.id}`, {
            method: 'PATCH',
            body: JSON.stringify({ version: row.version + 1, peopleWithin500m: 41 + (i % 80) }),
          })
        }
      }),
    )
    const apiConcurrent = rows.length / ((performance.now() - t2) / 1000)
    // A plain table, not a temporary one: the clients use different pooled connections, and a
    // logged table is the fair reference for writes that are logged too.
    await ctx.database.db.execute(sql`drop table if exists bench_insert_clients`)
    await ctx.database.db.execute(
      sql`create table bench_insert_clients (id serial, name text, quantity double precision, at timestamptz default now())`,
    )
    let inserted = 0
    const t3 = performance.now()
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (inserted < rows.length) {
          const i = inserted++
          await ctx.database.db.execute(
            sql`insert into bench_insert_clients (name, quantity) values (${'row-' + i}, ${i})`,
          )
        }
      }),
    )
    const bareConcurrent = rows.length / ((performance.now() - t3) / 1000)
    await ctx.database.db.execute(sql`drop table bench_insert_clients`)
    return [
      {
        entry: `${this.name} (${rows.length} PATCH, ${CLIENTS} clients)`,
        engine: ctx.database.engine,
        metric: 'throughput',
        measured: apiConcurrent,
        reference: { label: `bare INSERT/s, ${CLIENTS} clients`, value: bareConcurrent },
        ratio: bareConcurrent / apiConcurrent,
        unit: 'writes/s',
        note: 'ratio = how many bare inserts fit in one audited, graded update',
      },
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
