import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import { serve } from '@hono/node-server'
import { sql } from 'drizzle-orm'
import type { Database } from '../../server/db/database.ts'
import { demoAccounts } from '../../data/accounts/demo-accounts.ts'
import { createApp } from '../../server/app.ts'
import { DEFAULT_SESSION_CACHE_MS } from '../../server/lib/auth/session-cache.ts'
import { EventHub } from '../../server/lib/events/hub.ts'
import type { FromReaders, ToReaders } from '../lib/sse-reader-worker.ts'
import { summarise } from '../lib/stats.ts'
import type { BenchEntry } from '../lib/types.ts'

const WAIT_MS = 15_000

/**
 * Realtime fan-out over real HTTP on localhost: one API server in process, 1,000 SSE clients
 * signed in as the province commander, and hazard-source PATCHes through the API (each
 * publishes a `registry.changed`). Latency is from sending the write to its receipt at every
 * client; the reference is a bare NOTIFY round trip on the same engine (pg_notify on one
 * connection → a LISTEN callback), i.e. the floor under any fan-out. The clients run on a
 * worker thread, as they would be other processes on the wire.
 */
export const sseFanout: BenchEntry = {
  name: 'SSE fan-out',
  async run(ctx) {
    const { database } = ctx
    const clients = 1000
    const writes = ctx.quick ? 20 : 100

    const reference = await notifyRoundTrips(ctx.database, writes)

    const hub = new EventHub(database)
    await hub.start()
    const app = createApp({
      database,
      events: hub,
      security: { sessionCacheMs: DEFAULT_SESSION_CACHE_MS },
    })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => {
      if (server.listening) resolve()
      else server.once('listening', () => resolve())
    })
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    let stopReaders = async () => {}
    try {
      const account = demoAccounts.find((a) => a.username === 'shaanxi')!
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: account.username, password: account.password }),
      })
      if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`)
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!

      const rows = (
        await database.db.execute(
          sql`select id, version from hazard_sources where retired_at is null
              order by id desc limit ${2 * writes}`,
        )
      ).rows as { id: string; version: number }[]
      const patch = async (row: { id: string; version: number }, i: number) => {
        const t0 = performance.now()
        const res = await fetch(`${base}/api/hazard-sources/${row.id}`, {
          method: 'PATCH',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ version: row.version, peopleWithin500m: 30 + (i % 90) }),
        })
        if (res.status !== 200) throw new Error(`PATCH → ${res.status} ${await res.text()}`)
        await res.arrayBuffer()
        return performance.now() - t0
      }
      // The same PATCHes with no stream open: the fan-out must not slow the write's answer.
      const quietTimes: number[] = []
      for (const [i, row] of rows.slice(writes).entries()) quietTimes.push(await patch(row, i))

      // The clients run on a thread of their own (sse-reader-worker.ts): their parsing is
      // not the server's time.
      // An eval'd bootstrap registers tsx in the thread, then loads the TypeScript module.
      const entry = new URL('../lib/sse-reader-worker.ts', import.meta.url).href
      const worker = new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`,
        { eval: true, workerData: { base, cookie, clients } },
      )
      stopReaders = () =>
        new Promise<void>((resolve) => {
          worker.once('exit', () => resolve())
          worker.postMessage({ type: 'close' } satisfies ToReaders)
          setTimeout(() => void worker.terminate(), 5000).unref()
        })
      const waiting = new Map<string, (times: number[]) => void>()
      const connected = new Promise<void>((resolve, reject) => {
        worker.once('error', reject)
        worker.on('message', (m: FromReaders) => {
          if (m.type === 'connected') resolve()
          else waiting.get(m.entityId)?.(m.times)
        })
      })
      await connected
      while (hub.subscriberCount < clients) await new Promise((r) => setTimeout(r, 10))

      const samples: number[] = []
      const writeTimes: number[] = []
      let missed = 0
      for (const [i, row] of rows.slice(0, writes).entries()) {
        const received = new Promise<number[]>((resolve) => waiting.set(row.id, resolve))
        const timer = setTimeout(
          () => worker.postMessage({ type: 'flush', entityId: row.id } satisfies ToReaders),
          WAIT_MS,
        )
        const t0 = performance.timeOrigin + performance.now()
        writeTimes.push(await patch(row, i))
        const list = await received
        clearTimeout(timer)
        waiting.delete(row.id)
        missed += clients - list.length
        for (const at of list) samples.push(at - t0)
      }

      const measured = summarise(samples)
      const quiet = summarise(quietTimes)
      const loaded = summarise(writeTimes)
      const slowdown = loaded.p50 / quiet.p50
      return [
        {
          entry: `SSE fan-out to ${clients} clients (${writes} writes)`,
          engine: database.engine,
          metric: 'write → receipt latency',
          measured,
          reference: { label: 'bare NOTIFY round trip', value: reference },
          ratio: measured.p50 / reference.p50,
          unit: 'ms',
          note:
            `${measured.n} receipts over HTTP on localhost` +
            (missed ? `; ${missed} not received within ${WAIT_MS / 1000} s` : ''),
          ...(database.engine === 'postgres'
            ? { target: { text: 'p95 < 100 ms', pass: measured.p95 < 100 && missed === 0 } }
            : {}),
        },
        {
          entry: `PATCH answer with ${clients} SSE listeners (${writes} writes)`,
          engine: database.engine,
          metric: 'latency',
          measured: loaded,
          reference: { label: 'the same PATCHes with no stream open', value: quiet },
          ratio: slowdown,
          unit: 'ms',
          target: { text: 'not slowed: ≤ 1.25× (p50)', pass: slowdown <= 1.25 },
        },
      ]
    } finally {
      await stopReaders()
      await hub.stop()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  },
}

/** Bare LISTEN/NOTIFY: pg_notify through the pool, timed to the listener's callback. */
async function notifyRoundTrips(database: Database, count: number) {
  const channel = 'jinan_bench_ping'
  let wake: ((payload: string) => void) | null = null
  const unlisten = await database.listen(channel, (payload) => wake?.(payload))
  try {
    const samples: number[] = []
    for (let i = -3; i < count; i++) {
      const got = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('NOTIFY not delivered')), WAIT_MS)
        wake = (payload) => {
          if (payload !== String(i)) return
          clearTimeout(timer)
          resolve(payload)
        }
      })
      const t0 = performance.now()
      await database.db.execute(sql`select pg_notify(${channel}, ${String(i)})`)
      await got
      if (i >= 0) samples.push(performance.now() - t0)
    }
    return summarise(samples)
  } finally {
    await unlisten()
  }
}
