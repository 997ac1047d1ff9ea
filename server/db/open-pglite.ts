import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { drizzle } from 'drizzle-orm/pglite'
import * as schema from './schema/index.ts'
import type { Database, Drizzle } from './database.ts'

/** Embedded PostgreSQL + PostGIS (WebAssembly), persisted in `dataDir` or in memory. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const client = dataDir
    ? new PGlite(dataDir, { extensions: { postgis } })
    : new PGlite({ extensions: { postgis } })
  await client.waitReady
  const db = drizzle({ client, schema }) as unknown as Drizzle
  return {
    engine: 'pglite',
    db,
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload)
      return async () => unsubscribe()
    },
    async close() {
      await client.close()
    },
  }
}
