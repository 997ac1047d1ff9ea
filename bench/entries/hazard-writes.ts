import { sql } from 'drizzle-orm'
import type { Database } from '../../server/db/database.ts'
import { EVENTS_CHANNEL, EVENTS_ORDER_LOCK } from '../../server/lib/events/publish.ts'
import { apiAs } from '../lib/session.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'

/** #19's targets for the PATCH path. */
const TARGET = { postgres: 300, pglite: 100 } as const
const MAX_RATIO_TO_INSERT = 12
const CLIENTS = 8

type Row = { id: string; version: number }

/** Runs `work` over `items` from `clients` workers at once; returns items per second. */
async function throughput<T>(
  items: T[],
  clients: number,
  work: (item: T, i: number) => Promise<unknown>,
) {
  const queue = [...items.entries()]
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await work(next[1], next[0])
    }),
  )
  return items.length / ((performance.now() - t0) / 1000)
}

/**
 * The rows one PATCH writes, through the driver with no application code: in one transaction
 * the row locked and read, the UPDATE, the audit entry (before/after JSON of the row) and the
 * event under the event-order lock with its NOTIFY, one statement per round trip as a hand-
 * written handler would send them. What the API adds on top of this is the API's own cost.
 */
async function sameRowsWritten(database: Database, row: Row, people: number, actorId: string) {
  await database.db.transaction(async (tx) => {
    const before = await tx.execute(
      sql`select to_jsonb(t) as row from hazard_sources t where id = ${row.id} for update`,
    )
    const after = await tx.execute(sql`
      update hazard_sources t set people_within_500m = ${people}, version = version + 1,
        updated_at = now(), updated_by = ${actorId}
      where id = ${row.id} returning to_jsonb(t) as row, region_code`)
    const { row: afterRow, region_code: region } = after.rows[0] as {
      row: unknown
      region_code: string
    }
    await tx.execute(sql`
      insert into audit_log (user_id, username, entity, entity_id, action, region_code, before, after)
      values (${actorId}, 'bench', 'hazard_source', ${row.id}, 'update', ${region},
        ${JSON.stringify((before.rows[0] as { row: unknown }).row)}::jsonb,
        ${JSON.stringify(afterRow)}::jsonb)`)
    await tx.execute(sql`
      with ordered as (select pg_advisory_xact_lock(${EVENTS_ORDER_LOCK})),
      inserted as (
        insert into events (type, region_code, entity, entity_id, payload)
        select 'bench.write', ${region}::text, 'hazard_source', ${row.id}::text, '{}'::jsonb
        from ordered returning id)
      select pg_notify(${EVENTS_CHANNEL}, id::text) from inserted`)
  })
}

/**
 * Hazard-source updates through the API (validation, scope, GB 18218 grading, optimistic
 * version check, audit entry, event + NOTIFY, one transaction), one client and 8 at once,
 * against two references from as many clients in the same run: bare single-row INSERTs (the
 * issue's yardstick) and the same rows written by hand through the driver (see above).
 */
export const hazardWrites: BenchEntry = {
  name: 'hazard-source updates/s',
  async run(ctx) {
    const { database } = ctx
    const engine = database.engine
    const api = await apiAs(database, 'shaanxi')
    const n = ctx.quick ? 60 : 300
    const ids = await database.db.execute(
      sql`select id, version from hazard_sources where retired_at is null order by id limit ${3 * n}`,
    )
    const all = ids.rows as Row[]
    // Each phase writes rows of its own, so every PATCH carries the version it read.
    const single = all.slice(0, n)
    const concurrent = all.slice(n, 2 * n)
    const byHand = all.slice(2 * n, 3 * n)
    const actorId = (
      (await database.db.execute(sql`select id from users where username = 'shaanxi'`)).rows[0] as {
        id: string
      }
    ).id
    const patch = (row: Row, i: number) =>
      api.request(`/api/hazard-sources/${row.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ version: row.version, peopleWithin500m: 40 + (i % 80) }),
      })

    const apiSingle = await throughput(single, 1, patch)
    const apiConcurrent = await throughput(concurrent, CLIENTS, patch)
    const handConcurrent = await throughput(byHand, CLIENTS, (row, i) =>
      sameRowsWritten(database, row, 40 + (i % 80), actorId),
    )

    // A plain table, not a temporary one: the clients use different pooled connections, and a
    // logged table is the fair reference for writes that are logged too.
    await database.db.execute(sql`drop table if exists bench_insert_clients`)
    await database.db.execute(
      sql`create table bench_insert_clients (id serial, name text, quantity double precision, at timestamptz default now())`,
    )
    const insert = (_: unknown, i: number) =>
      database.db.execute(
        sql`insert into bench_insert_clients (name, quantity) values (${'row-' + i}, ${i})`,
      )
    const slots = Array.from({ length: n })
    const bareSingle = await throughput(slots, 1, insert)
    const bareConcurrent = await throughput(slots, CLIENTS, insert)
    await database.db.execute(sql`drop table bench_insert_clients`)

    const goal = TARGET[engine]
    const insertRatio = bareConcurrent / apiConcurrent
    const results: BenchResult[] = [
      {
        entry: `${this.name} (${n} PATCH, ${CLIENTS} clients)`,
        engine,
        metric: 'throughput',
        measured: apiConcurrent,
        reference: { label: `bare INSERT/s, ${CLIENTS} clients`, value: bareConcurrent },
        ratio: insertRatio,
        unit: 'writes/s',
        note: 'ratio = how many bare inserts fit in one audited, graded update',
        target:
          engine === 'postgres'
            ? {
                text: `≥ ${goal}/s and ≤ ${MAX_RATIO_TO_INSERT}×`,
                pass: apiConcurrent >= goal && insertRatio <= MAX_RATIO_TO_INSERT,
              }
            : { text: `≥ ${goal}/s`, pass: apiConcurrent >= goal },
      },
      {
        entry: `${this.name} (${n} PATCH, ${CLIENTS} clients) vs the same rows by hand`,
        engine,
        metric: 'throughput',
        measured: apiConcurrent,
        reference: {
          label: `same row lock + UPDATE + audit + event + NOTIFY in one tx via the driver, ${CLIENTS} clients`,
          value: handConcurrent,
        },
        ratio: handConcurrent / apiConcurrent,
        unit: 'writes/s',
        note: 'ratio = what the API adds to writing the same rows',
      },
      {
        entry: `${this.name} (${n} PATCH)`,
        engine,
        metric: 'throughput',
        measured: apiSingle,
        reference: { label: 'bare INSERT/s', value: bareSingle },
        ratio: bareSingle / apiSingle,
        unit: 'writes/s',
        note: 'ratio = how many bare inserts fit in one audited, graded update',
      },
    ]
    return results
  },
}
