import { rmSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { boot } from '../boot.ts'
import { repoRoot } from '../lib/paths.ts'

/**
 * Tests never share a database, but creating one (PostGIS, migrations, seed) takes ~20 s on
 * the embedded engine. So the global setup builds one seeded template per run, and every
 * test file gets a copy: a copied data folder (PGlite) or `CREATE DATABASE … TEMPLATE`
 * (PostgreSQL). Both are the same migrated, seeded schema the app runs on.
 */
export const pgliteTemplateDir = (id: string) => join(repoRoot, '.tmp', `test-template-${id}`)
export const postgresTemplateName = (id: string) => `jinan_test_template_${id}`

export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export async function buildTemplate(databaseUrl: string | undefined, id: string): Promise<void> {
  const name = postgresTemplateName(id)
  const dir = pgliteTemplateDir(id)
  if (databaseUrl) {
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await adminQuery(databaseUrl, `CREATE DATABASE ${name}`)
    const booted = await boot({
      DATABASE_URL: withDatabase(databaseUrl, name),
      DATA_DIR: '',
      SEED: 'demo',
      SEED_SCALE: 1,
    })
    await booted.database.close()
    return
  }
  rmSync(dir, { recursive: true, force: true })
  const booted = await boot({ DATA_DIR: dir, SEED: 'demo', SEED_SCALE: 1 })
  await booted.database.close()
}

export async function dropTemplate(databaseUrl: string | undefined, id: string): Promise<void> {
  const name = postgresTemplateName(id)
  const dir = pgliteTemplateDir(id)
  if (databaseUrl) {
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  } else {
    rmSync(dir, { recursive: true, force: true })
  }
}
