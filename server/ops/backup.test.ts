import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { openDatabase } from '../db/open.ts'
import { repoRoot } from '../lib/paths.ts'
import {
  adminQuery,
  pgliteTemplateDir,
  postgresTemplateName,
  withDatabase,
} from '../test/template.ts'
import { backup, restore, RestoreRefused, type BackupTarget } from './backup.ts'
import { tableChecksums, type TableChecksum } from './table-checksums.ts'

/**
 * Back up a seeded database, restore it into a fresh one and compare every table's row count
 * and content checksum, on the engine of this run (embedded by default, the server with
 * DATABASE_URL). Then: a second restore over the now non-empty target is refused, and goes
 * through with --force.
 */
const url = process.env.DATABASE_URL
const engine = url ? 'postgres' : 'pglite'
const cleanups: (() => Promise<void>)[] = []
let work: string
let source: BackupTarget
let fresh: BackupTarget
let before: Record<string, TableChecksum>

/** A database of this run's engine: a copy of the seeded template, or an empty one. */
async function makeTarget(seeded: boolean): Promise<BackupTarget> {
  if (url) {
    const name = `jinan_backup_${randomBytes(6).toString('hex')}`
    const template = seeded ? ` TEMPLATE ${postgresTemplateName(inject('templateId'))}` : ''
    await adminQuery(url, `CREATE DATABASE ${name}${template}`)
    cleanups.push(() => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    return { databaseUrl: withDatabase(url, name) }
  }
  const dataDir = mkdtempSync(join(work, seeded ? 'source-' : 'target-'))
  if (seeded) cpSync(pgliteTemplateDir(inject('templateId')), dataDir, { recursive: true })
  return { dataDir }
}

async function withDatabaseOf<T>(target: BackupTarget, fn: (d: Database) => Promise<T>) {
  const database = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir ?? null,
  })
  try {
    return await fn(database)
  } finally {
    await database.close()
  }
}
const checksumsOf = (target: BackupTarget) => withDatabaseOf(target, tableChecksums)

beforeAll(async () => {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  work = mkdtempSync(join(repoRoot, '.tmp', 'backup-test-'))
  source = await makeTarget(true)
  fresh = await makeTarget(false)
})
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup()
  if (work) rmSync(work, { recursive: true, force: true })
})

describe(`backup and restore on the ${engine} engine`, () => {
  // Each step opens a database; on the embedded engine that is seconds each.
  it('restores every table with the same rows', { timeout: 120_000 }, async () => {
    before = await checksumsOf(source)
    expect(before['public.hazard_sources']?.rows).toBeGreaterThan(0)
    expect(before['public.audit_log']).toBeDefined()
    expect(before['drizzle.__drizzle_migrations']?.rows).toBeGreaterThan(0)

    const file = join(work, engine === 'postgres' ? 'seeded.pgdump' : 'seeded.tgz')
    const made = await backup(source, file)
    expect(made.bytes).toBeGreaterThan(0)
    await restore(fresh, file)

    const after = await checksumsOf(fresh)
    console.log(
      `[backup] ${engine}: ${Object.keys(after).length} tables, ` +
        `${Object.values(after).reduce((n, t) => n + t.rows, 0)} rows, ` +
        `${(made.bytes / 2 ** 20).toFixed(1)} MiB backup in ${made.ms} ms`,
    )
    expect(after).toEqual(before)
  })

  it(
    'refuses to restore over a non-empty database without --force',
    { timeout: 120_000 },
    async () => {
      const file = join(work, engine === 'postgres' ? 'seeded.pgdump' : 'seeded.tgz')
      // Change the restored copy, so that --force visibly puts the backup's rows back.
      const changed = await withDatabaseOf(fresh, async (d) => {
        await d.db.execute(
          sql`update hazard_sources set people_within_500m = people_within_500m + 1`,
        )
        return tableChecksums(d)
      })
      expect(changed['public.hazard_sources']).not.toEqual(before['public.hazard_sources'])
      await expect(restore(fresh, file)).rejects.toBeInstanceOf(RestoreRefused)
      await expect(restore(fresh, file, { force: true })).resolves.toMatchObject({ engine })
      expect(await checksumsOf(fresh)).toEqual(before)
    },
  )
})
