import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import type { Database } from './database.ts'

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

export class MissingPostgisError extends Error {
  constructor() {
    super(
      'PostGIS is not available on this PostgreSQL server: install the Debian package ' +
        'postgresql-15-postgis-3 (apt-get install postgresql-15-postgis-3), then run ' +
        '"CREATE EXTENSION postgis;" in the database as a superuser.',
    )
    this.name = 'MissingPostgisError'
  }
}

/** Checks PostGIS is installable before any migration touches a geometry column. */
export async function ensurePostgis(database: Database): Promise<void> {
  const result = await database.db.execute(
    sql`select count(*)::int as n from pg_available_extensions where name = 'postgis'`,
  )
  const n = (result.rows[0] as { n: number } | undefined)?.n ?? 0
  if (n === 0) throw new MissingPostgisError()
}

/** Applies the versioned SQL migrations; returns how many were newly applied. */
export async function runMigrations(
  database: Database,
): Promise<{ applied: number; total: number }> {
  await ensurePostgis(database)
  const before = await appliedMigrationCount(database)
  if (database.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    await migrate(database.db as never, { migrationsFolder })
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    await migrate(database.db as never, { migrationsFolder })
  }
  const total = await appliedMigrationCount(database)
  return { applied: total - before, total }
}

export async function appliedMigrationCount(database: Database): Promise<number> {
  const exists = await database.db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  )
  if (!(exists.rows[0] as { present: boolean } | undefined)?.present) return 0
  const result = await database.db.execute(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )
  return (result.rows[0] as { n: number } | undefined)?.n ?? 0
}

export async function postgisVersion(database: Database): Promise<string> {
  const result = await database.db.execute(sql`select postgis_lib_version() as v`)
  return (result.rows[0] as { v: string } | undefined)?.v ?? 'unknown'
}
