import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { boot } from './boot.ts'
import { repoRoot } from './lib/paths.ts'
import {
  adminQuery,
  pgliteTemplateDir,
  postgresTemplateName,
  withDatabase,
} from './test/template.ts'

/**
 * A second start on the same database must not re-seed or lose edits. Starts the real boot
 * path (migrate + seed-if-empty) twice on a copy of the seeded template.
 */
const url = process.env.DATABASE_URL
const templateId = inject('templateId')
let cleanup: () => Promise<void> = async () => {}

async function copyOfTemplate(): Promise<Parameters<typeof boot>[0]> {
  if (url) {
    const name = `jinan_boot_${randomBytes(4).toString('hex')}`
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName(templateId)}`)
    cleanup = () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    return { DATABASE_URL: withDatabase(url, name), DATA_DIR: '', SEED: 'demo', SEED_SCALE: 1 }
  }
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'boot-'))
  cpSync(pgliteTemplateDir(templateId), dir, { recursive: true })
  cleanup = async () => rmSync(dir, { recursive: true, force: true })
  return { DATA_DIR: dir, SEED: 'demo', SEED_SCALE: 1 }
}

afterAll(() => cleanup())

describe('boot on an existing database', () => {
  it('applies no migration twice, does not re-seed, and keeps edits', async () => {
    const env = await copyOfTemplate()
    const first = await boot(env)
    expect(first.seeded).toBe(false)
    expect(first.migrations.applied).toBe(0)
    const count = async (db: typeof first.database.db) =>
      ((await db.execute(sql`select count(*)::int as n from enterprises`)).rows[0] as { n: number })
        .n
    const enterprises = await count(first.database.db)
    const target = (
      await first.database.db.execute(sql`select id from enterprises order by id limit 1`)
    ).rows[0] as { id: string }
    await first.database.db.execute(
      sql`update enterprises set name = '改过的名字', version = version + 1 where id = ${target.id}`,
    )
    await first.database.close()

    const second = await boot(env)
    try {
      expect(second.seeded).toBe(false)
      expect(await count(second.database.db)).toBe(enterprises)
      const row = (
        await second.database.db.execute(sql`select name from enterprises where id = ${target.id}`)
      ).rows[0] as { name: string }
      expect(row.name).toBe('改过的名字')
    } finally {
      await second.database.close()
    }
  })
})
