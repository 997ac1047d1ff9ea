import { join } from 'node:path'
import type { Database } from './database.ts'

export interface OpenOptions {
  databaseUrl?: string | undefined
  /** Folder for the embedded engine; null keeps it in memory (tests). */
  dataDir: string | null
}

/** DATABASE_URL → real PostgreSQL; otherwise the embedded engine under DATA_DIR/pglite. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./open-postgres.ts')
    return openPostgres(options.databaseUrl)
  }
  const { openPglite } = await import('./open-pglite.ts')
  return openPglite(options.dataDir === null ? null : join(options.dataDir, 'pglite'))
}
