import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { generateDemo } from '../../data/demo/generate.ts'
import { writeDemoIncidents } from '../../data/demo/bench-incidents.ts'
import { writeDemoRiskGrid } from '../../data/demo/risk-grid.ts'
import { boot } from '../../server/boot.ts'
import type { Database } from '../../server/db/database.ts'
import { repoRoot } from '../../server/lib/paths.ts'
import { adminQuery, withDatabase } from '../../server/test/template.ts'

export interface DatasetSize {
  hazardSources: number
  resources: number
  incidents: number
  /** The 1 km risk grid covers this region: the province (~205,600 cells) or one city. */
  riskGridRegion: string
}

export const fullSize: DatasetSize = {
  hazardSources: 50_000,
  resources: 200_000,
  incidents: 20_000,
  riskGridRegion: '610000',
}
// Quick: a tenth of the registry and the grid of 西安 alone (~10,000 cells).
export const quickSize: DatasetSize = {
  hazardSources: 5_000,
  resources: 20_000,
  incidents: 2_000,
  riskGridRegion: '610100',
}

// The generator's scale 1 makes ~600 hazard sources and ~1,200 resources.
const scaleFor = (size: DatasetSize) => ({
  scale: size.hazardSources / 600,
  resourceScale: size.resources / 1_200,
})

async function rowCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of [
    'enterprises',
    'hazard_sources',
    'hidden_dangers',
    'resources',
    'incidents',
    'risk_grid_cells',
  ]) {
    const r = await database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    )
    counts[table] = (r.rows[0] as { n: number }).n
  }
  return counts
}

/**
 * A database at the bench size on one engine, generated once and kept (a folder for the
 * embedded engine, a database on the server), so repeated runs measure rather than seed.
 */
export async function openDataset(
  engine: 'pglite' | 'postgres',
  size: DatasetSize,
  log: (line: string) => void,
): Promise<{ database: Database; counts: Record<string, number>; seededSeconds: number | null }> {
  const key = `${size.hazardSources}-${size.resources}`
  let fresh: boolean
  let env: Parameters<typeof boot>[0]
  if (engine === 'postgres') {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is needed for the postgres engine')
    // BENCH_DATABASE names another database, so benches of parallel branches on one server
    // (each with its own migrations) do not share, or migrate, each other's dataset.
    const name = process.env.BENCH_DATABASE ?? `jinan_bench_${key.replace('-', '_')}`
    const exists = await databaseExists(url, name)
    if (!exists) await adminQuery(url, `CREATE DATABASE ${name}`)
    fresh = !exists
    env = { DATABASE_URL: withDatabase(url, name), DATA_DIR: '', SEED: 'none', SEED_SCALE: 1 }
  } else {
    const dir = join(repoRoot, '.tmp', 'bench', `pglite-${key}`)
    fresh = !existsSync(join(dir, 'pglite'))
    mkdirSync(dir, { recursive: true })
    env = { DATA_DIR: dir, SEED: 'none', SEED_SCALE: 1 }
  }
  const { database } = await boot(env)
  let counts = await rowCounts(database)
  let seededSeconds: number | null = null
  if (fresh || (counts.hazard_sources ?? 0) === 0) {
    log(`${engine}: generating ${size.hazardSources} hazard sources, ${size.resources} resources…`)
    const t0 = performance.now()
    await database.db.transaction((tx) => generateDemo(tx, { ...scaleFor(size) }))
    seededSeconds = (performance.now() - t0) / 1000
    log(`${engine}: registry generated in ${seededSeconds.toFixed(1)} s`)
  }
  // Datasets kept from before incidents and the grid were part of the bench gain them here.
  if ((counts.incidents ?? 0) === 0) {
    const t0 = performance.now()
    log(`${engine}: generating ${size.incidents} incidents…`)
    await database.db.transaction((tx) => writeDemoIncidents(tx, { count: size.incidents }))
    seededSeconds = (seededSeconds ?? 0) + (performance.now() - t0) / 1000
  }
  if ((counts.risk_grid_cells ?? 0) === 0) {
    const t0 = performance.now()
    log(`${engine}: generating the 1 km risk grid of ${size.riskGridRegion}…`)
    const cells = await database.db.transaction((tx) =>
      writeDemoRiskGrid(tx, { region: size.riskGridRegion }),
    )
    const s = (performance.now() - t0) / 1000
    log(`${engine}: ${cells} grid cells in ${s.toFixed(1)} s`)
    seededSeconds = (seededSeconds ?? 0) + s
  }
  if (seededSeconds !== null) {
    await database.db.execute(sql`analyze`)
    counts = await rowCounts(database)
  }
  return { database, counts, seededSeconds }
}

async function databaseExists(url: string, name: string): Promise<boolean> {
  const pg = await import('pg')
  const client = new pg.default.Client({ connectionString: url })
  await client.connect()
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [name])
    return r.rowCount === 1
  } finally {
    await client.end()
  }
}
