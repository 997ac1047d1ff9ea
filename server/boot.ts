import type { Database } from './db/database.ts'
import { runMigrations, postgisVersion } from './db/migrate.ts'
import { openDatabase } from './db/open.ts'
import { seedIfEmpty } from '../data/seed.ts'
import type { Env } from './env.ts'

export interface Booted {
  database: Database
  postgis: string
  migrations: { applied: number; total: number }
  seeded: boolean
}

/** Open the engine, migrate, seed a new database. Shared by main.ts, tests and bench. */
export async function boot(
  env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR' | 'SEED' | 'SEED_SCALE'> & { inMemory?: boolean },
  log: (line: string) => void = () => {},
): Promise<Booted> {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.inMemory ? null : env.DATA_DIR,
  })
  try {
    const migrations = await runMigrations(database)
    const postgis = await postgisVersion(database)
    const seed = await seedIfEmpty(database, { mode: env.SEED, scale: env.SEED_SCALE, log })
    return { database, postgis, migrations, seeded: seed.seeded }
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
}
