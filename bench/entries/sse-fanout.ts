import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { sql } from 'drizzle-orm'
import type { Database } from '../../server/db/database.ts'
import { demoAccounts } from '../../data/accounts/demo-accounts.ts'
import { createApp } from '../../server/app.ts'
import { DEFAULT_SESSION_CACHE_MS } from '../../server/lib/auth/session-cache.ts'
import { EventHub } from '../../server/lib/events/hub.ts'
import { SseReader } from '../../server/routes/events/sse-client.ts'
import { summarise } from '../lib/stats.ts'
import type { BenchEntry } from '../lib/types.ts'

const WAIT_MS = 15_000

/**
 * Realtime fan-out over real HTTP on localhost: one API server in process, 1,000 SSE clients
 * signed in as the province commander, and hazard-source PATCHes through the API (each
 * publishes a `registry.changed`). Latency is from sending the write to its receipt at every
 * client; the reference is a bare NOTIFY round trip on the same engine (pg_notify on one
 * connection → a LISTEN callback), i.e. the floor under any fan-out.
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
    const readers: SseReader[] = []
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

      // entityId → receipt times, one per client.
      const receipts = new Map<string, number[]>()
      const arrived = new Set<() => void>()
      for (let i = 0; i < clients; i++) {
        const res = await fetch(`${base}/api/events`, { headers: { cookie } })
        if (res.status !== 200 || !res.body) throw new Error(`SSE connect → ${res.status}`)
        const reader = new SseReader(res.body)
        reader.onMessage = (m) => {
          if (m.event !== 'registry.changed') return
          const at = performance.now()
          const { entityId } = JSON.parse(m.data) as { entityId: string }
          const list = receipts.get(entityId)
          if (!list) return
          list.push(at)
          if (list.length === clients) for (const wake of arrived) wake()
        }
        readers.push(reader)
      }
      while (hub.subscriberCount < clients) await new Promise((r) => setTimeout(r, 10))

      const samples: number[] = []
      const writeTimes: number[] = []
      let missed = 0
      for (const [i, row] of rows.slice(0, writes).entries()) {
        const list: number[] = []
        receipts.set(row.id, list)
        const t0 = performance.now()
        writeTimes.push(await patch(row, i))
        await waitFor(() => list.length >= clients, arrived, WAIT_MS)
        missed += clients - list.length
        for (const at of list) samples.push(at - t0)
        receipts.delete(row.id)
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
      await Promise.all(readers.map((r) => r.close()))
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

async function waitFor(done: () => boolean, wakers: Set<() => void>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!done() && Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        wakers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, Math.max(1, deadline - Date.now()))
      wakers.add(wake)
    })
  }
}
