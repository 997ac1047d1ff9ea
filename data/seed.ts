import { sql } from 'drizzle-orm'
import type { Database } from '../server/db/database.ts'
import { importRegions } from './regions/import-regions.ts'
import { seedDemoAccounts } from './accounts/demo-accounts.ts'
import { generateDemo } from './demo/generate.ts'
import { OUTSIDE_SHAANXI, writeOutsideShaanxi } from './demo/outside-shaanxi.ts'
import { seedDemoIncidents } from './demo/incidents.ts'
import { seedDemoDrills } from './demo/drills.ts'
import { seedDemoPlans } from './demo/emergency-plans.ts'
import { seedDemoAlerts } from './demo/alerts.ts'

export interface SeedOptions {
  /** 'demo' loads regions and the demo registry; 'none' loads regions only. */
  mode: 'demo' | 'none'
  scale: number
  log?: (line: string) => void
}

export interface SeedResult {
  seeded: boolean
  regions: number
}

/**
 * Seeds a new database once. A marker row in app_meta makes a second start a no-op, so
 * edits made since the first start are never overwritten. Regions and demo data go in one
 * transaction: a crash midway leaves an unseeded database that the next start retries.
 */
export async function seedIfEmpty(database: Database, options: SeedOptions): Promise<SeedResult> {
  const marker = await database.db.execute(sql`select value from app_meta where key = 'seed'`)
  if (marker.rows.length > 0) return { seeded: false, regions: 0 }
  const log = options.log ?? (() => {})
  return database.db.transaction(async (tx) => {
    const started = Date.now()
    const { inserted } = await importRegions(tx, log)
    log(`regions: ${inserted} loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const accounts = await seedDemoAccounts(tx)
    log('demo accounts (username / password), printed once at first start:')
    for (const a of accounts) log(`  ${a.username.padEnd(9)} ${a.password.padEnd(16)} ${a.role}`)
    // Demo registry rows are written by the system: created_by/updated_by stay null.
    if (options.mode === 'demo') {
      await generateDemo(tx, { scale: options.scale, log })
      // One county outside 陕西, so scoping shows for any province (the tianhe account).
      await writeOutsideShaanxi(tx)
      log(`demo records in ${OUTSIDE_SHAANXI.name} (${OUTSIDE_SHAANXI.county}): 1 of each registry`)
      // Relative to now, so the demo's reporting deadlines are live when it opens.
      await seedDemoIncidents(tx, { now: new Date(), log })
      // 应急预案 of the demo regions and of the chlorine-leak enterprise.
      await seedDemoPlans(tx, { log })
      // Two past drills with evaluations (after the plans: a drill runs a plan version).
      await seedDemoDrills(tx, { now: new Date(), log })
      await seedDemoAlerts(tx, { now: new Date(), log })
    }
    const value = JSON.stringify({
      mode: options.mode,
      scale: options.scale,
      at: new Date().toISOString(),
    })
    await tx.execute(sql`insert into app_meta (key, value) values ('seed', ${value}::jsonb)`)
    return { seeded: true, regions: inserted }
  })
}
