import pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import * as schema from './schema/index.ts'
import type { Database, Drizzle } from './database.ts'

/** A real PostgreSQL + PostGIS server reached through `DATABASE_URL`. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
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
    async listen(channel, onPayload) {
      // LISTEN needs one dedicated connection, not a pooled one that is handed back.
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      client.on('notification', (msg) => {
        if (msg.channel === channel) onPayload(msg.payload ?? '')
      })
      await client.query(`LISTEN "${channel.replaceAll('"', '')}"`)
      listeners.push(client)
      return async () => {
        listeners.splice(listeners.indexOf(client), 1)
        await client.end()
      }
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end()))
      await pool.end()
    },
  }
}
