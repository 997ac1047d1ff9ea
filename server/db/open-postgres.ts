import pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import * as schema from './schema/index.ts'
import type { Database, Drizzle } from './database.ts'

/**
 * A real PostgreSQL + PostGIS server reached through `DATABASE_URL` (or its read replica,
 * READ_DATABASE_URL). `applicationName` shows in pg_stat_activity which pool a backend is.
 */
export async function openPostgres(
  url: string,
  options: { applicationName?: string } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  })
  // An idle pooled connection can be ended by the server (restart, DROP DATABASE … FORCE);
  // node-postgres reports that on the pool, and an unhandled 'error' would crash the process.
  // The pool drops the client; the next query opens a fresh one.
  pool.on('error', (error) => console.warn(`[db] idle connection closed: ${error.message}`))
  // Fail early with the server's own message if it cannot be reached.
  const probe = await pool.connect()
  probe.release()
  const db = drizzle({ client: pool, schema }) as unknown as Drizzle
  const listeners: pg.Client[] = []
  return {
    engine: 'postgres',
    db,
    async listen(channel, onPayload, onReconnect) {
      // LISTEN needs one dedicated connection, not a pooled one that is handed back. If the
      // server drops it (restart, failover, idle kill) it is re-opened with backoff.
      let client: pg.Client | null = null
      let closed = false
      const quoted = `"${channel.replaceAll('"', '')}"`
      const connect = async (): Promise<pg.Client> => {
        const c = new pg.Client({ connectionString: url })
        c.on('notification', (msg) => {
          if (msg.channel === channel) onPayload(msg.payload ?? '')
        })
        c.on('error', () => {})
        c.on('end', () => {
          const index = listeners.indexOf(c)
          if (index >= 0) listeners.splice(index, 1)
          if (!closed) void reconnect()
        })
        await c.connect()
        await c.query(`LISTEN ${quoted}`)
        listeners.push(c)
        return c
      }
      const reconnect = async () => {
        for (let attempt = 0; !closed; attempt++) {
          await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)))
          if (closed) return
          try {
            client = await connect()
            console.warn(`[db] LISTEN ${channel} re-established`)
            onReconnect?.()
            return
          } catch {
            // Server still away: try again after a longer pause.
          }
        }
      }
      client = await connect()
      return async () => {
        closed = true
        await client?.end().catch(() => {})
      }
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end()))
      await pool.end()
    },
  }
}
