import pg from 'pg'
import { sql } from 'drizzle-orm'
import { boot } from '../../server/boot.ts'
import { apiAs } from '../lib/session.ts'

/**
 * EXPLAIN ANALYZE of every statement one hazard-source PATCH sends, recorded from the real
 * path rather than retyped: node-postgres's `query` is wrapped while one PATCH runs, then each
 * recorded statement is replayed under `EXPLAIN (ANALYZE, BUFFERS)` inside a transaction that
 * is rolled back. Usage (against a bench database, PostgreSQL only):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/jinan_bench_speed npx tsx bench/tools/explain-patch.ts
 */
const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL of a bench database is needed')

interface Recorded {
  text: string
  values: unknown[]
  ms: number
}
const recorded: Recorded[] = []
let recording = false
const original = pg.Client.prototype.query
// The one place the driver is touched: wraps `query(text | config, values?, callback?)` (the
// pool passes a callback, drizzle a config and the values) to note what runs and how long.
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text: string; values?: unknown[] }
  const text = typeof first === 'string' ? first : first?.text
  const second = args[1]
  const values = (Array.isArray(second) ? second : (first as { values?: unknown[] })?.values) ?? []
  if (!recording || typeof text !== 'string') {
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  }
  const entry: Recorded = { text, values, ms: 0 }
  recorded.push(entry)
  const t0 = performance.now()
  const done = () => (entry.ms = performance.now() - t0)
  const last = args[args.length - 1]
  if (typeof last === 'function') {
    args[args.length - 1] = (...cb: unknown[]) => {
      done()
      return (last as (...a: unknown[]) => unknown)(...cb)
    }
  }
  const result = (original as (...a: unknown[]) => unknown).apply(this, args)
  if (result instanceof Promise) void result.then(done, done)
  return result
} as typeof pg.Client.prototype.query

const { database } = await boot({ DATABASE_URL: url, DATA_DIR: '', SEED: 'none', SEED_SCALE: 1 })
try {
  const api = await apiAs(database, 'shaanxi')
  const row = (
    await database.db.execute(
      sql`select id, version from hazard_sources where retired_at is null order by id desc limit 1`,
    )
  ).rows[0] as { id: string; version: number }
  recording = true
  const t0 = performance.now()
  await api.request(`/api/hazard-sources/${row.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ version: row.version, peopleWithin500m: 77 }),
  })
  const total = performance.now() - t0
  recording = false
  console.log(`one PATCH: ${recorded.length} statements, ${total.toFixed(1)} ms in all\n`)

  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('begin')
    for (const [i, r] of recorded.entries()) {
      const head = r.text.replace(/\s+/g, ' ').trim()
      console.log(`── ${i + 1}. (${r.ms.toFixed(2)} ms in the PATCH) ${head.slice(0, 160)}`)
      if (/^(begin|commit|rollback)/i.test(head)) continue
      // pg_notify and advisory locks explain as a Result node; they still run (and roll back).
      const plan = await client.query(`explain (analyze, buffers, costs off) ${r.text}`, r.values)
      for (const line of plan.rows)
        console.log('   ' + (line as Record<string, string>)['QUERY PLAN'])
    }
  } finally {
    await client.query('rollback')
    await client.end()
  }
} finally {
  await database.close()
}
