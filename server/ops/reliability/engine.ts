import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Database } from '../../db/database.ts'
import { openDatabase } from '../../db/open.ts'
import { repoRoot } from '../../lib/paths.ts'
import { adminQuery, withDatabase } from '../../test/template.ts'
import type { EngineTarget } from '../server-process.ts'

export type EngineName = 'pglite' | 'postgres'

/** Like `npm test`: the server engine when DATABASE_URL is set, else the embedded one. */
export const engineOfRun: EngineName = process.env.DATABASE_URL ? 'postgres' : 'pglite'

/** What a run says about the engine it does not cover (CI runs the suite once per engine). */
export const otherEngineNote = process.env.DATABASE_URL
  ? 'embedded engine: runs in the pass without DATABASE_URL (npm run test:reliability)'
  : 'PostgreSQL engine: skipped, DATABASE_URL is not set; run it with ' +
    'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:reliability'

export interface RunDatabase {
  engine: EngineName
  /** What the server process is started with. */
  target: EngineTarget
  /** Opens the same data in this process; only while no server process has it open (PGlite). */
  open(): Promise<Database>
  dispose(): Promise<void>
}

/**
 * An empty database for one test file, which the spawned server migrates and seeds itself
 * (the first boot is part of what is tested): a new database on the DATABASE_URL server, or a
 * new embedded data folder under .tmp.
 */
export async function freshDatabase(label: string): Promise<RunDatabase> {
  const url = process.env.DATABASE_URL
  if (url) {
    const name = `jinan_rel_${label}_${randomBytes(4).toString('hex')}`
    await adminQuery(url, `CREATE DATABASE ${name}`)
    const databaseUrl = withDatabase(url, name)
    return {
      engine: 'postgres',
      target: { databaseUrl },
      open: () => openDatabase({ databaseUrl, dataDir: null }),
      dispose: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    }
  }
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dataDir = mkdtempSync(join(repoRoot, '.tmp', `rel-${label}-`))
  return {
    engine: 'pglite',
    target: { dataDir },
    open: () => openDatabase({ dataDir }),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
