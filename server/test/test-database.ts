import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { createApp } from '../app.ts'
import type { Database } from '../db/database.ts'
import { openDatabase } from '../db/open.ts'
import { repoRoot } from '../lib/paths.ts'
import { adminQuery, pgliteTemplateDir, postgresTemplateName, withDatabase } from './template.ts'
import { openReplicaOf } from './replica.ts'

export interface TestContext {
  database: Database
  /** The replica map reads go to, with `{ replica: true }` (READ_DATABASE_URL). */
  replica: Database | null
  app: ReturnType<typeof createApp>
  close(): Promise<void>
}

/**
 * A fresh copy of the seeded template for one test file, on whichever engine this run
 * targets: embedded by default, the real server when DATABASE_URL is set. Dropped after.
 */
export async function openTestContext(options: { replica?: boolean } = {}): Promise<TestContext> {
  const url = process.env.DATABASE_URL
  const templateId = inject('templateId')
  if (url) {
    const name = `jinan_test_${randomBytes(6).toString('hex')}`
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName(templateId)}`)
    const databaseUrl = withDatabase(url, name)
    const database = await openDatabase({ databaseUrl, dataDir: null })
    const replica = options.replica ? await openReplicaOf(databaseUrl, database, name) : null
    return {
      database,
      replica,
      app: createApp({ database, replica }),
      async close() {
        await replica?.close()
        await database.close()
        await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      },
    }
  }
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'test-db-'))
  cpSync(pgliteTemplateDir(templateId), dir, { recursive: true })
  if (options.replica) throw new Error('a read replica needs DATABASE_URL (PostgreSQL)')
  const database = await openDatabase({ dataDir: dir })
  return {
    database,
    replica: null,
    app: createApp({ database }),
    async close() {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
