import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { EventHub, type StreamEvent } from './hub.ts'
import { publishEvent } from './publish.ts'

/**
 * A real PostgreSQL server can drop the LISTEN connection (restart, failover, an idle
 * killer). The embedded engine lives in this process and cannot lose it, so `*.server.test.ts`
 * files belong to the DATABASE_URL pass of the suite only (see vite.config.ts).
 */

let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

const waitFor = async (check: () => boolean, ms = 15_000) => {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('event hub on a real server', () => {
  it('re-LISTENs after the server kills its connection and asks streams to resume', async () => {
    const hub = new EventHub(t.database, () => {})
    await hub.start()
    try {
      const dropped: string[] = []
      hub.subscribe({ scopePrefix: '', deliver: () => true, dropped: (r) => dropped.push(r) })
      const killed = await t.database.db.execute(sql`
        select pg_terminate_backend(pid) as ok from pg_stat_activity
        where datname = current_database() and query like 'LISTEN%'`)
      expect(killed.rows.length).toBeGreaterThan(0)
      await waitFor(() => dropped.includes('reconnect'))

      const received: StreamEvent[] = []
      hub.subscribe({ scopePrefix: '', deliver: (e) => (received.push(e), true) })
      const id = await t.database.db.transaction((tx) =>
        publishEvent(tx, {
          type: 'test.ping',
          regionCode: '610113',
          entity: 'test',
          entityId: 'x',
        }),
      )
      await waitFor(() => received.some((e) => Number(e.id) === id))
    } finally {
      await hub.stop()
    }
  })
})
