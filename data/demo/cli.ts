/**
 * `npm run seed -- --scale N [--seed S] [--resource-scale M] [--reference-date YYYY-MM-DD]
 *  [--replace]`
 *
 * Runs the demo generator on the database the server would open (DATABASE_URL, else the
 * embedded engine under DATA_DIR), in one transaction. A database that does not exist yet is
 * created, migrated and given regions and accounts first, without the scale-1 demo data.
 * Demo rows already present would collide (same ids, same codes): `--replace` first deletes
 * the system-written rows (created_by null) of the four demo tables and what refers to them.
 */
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { boot } from '../../server/boot.ts'
import type { Queryable } from '../../server/db/database.ts'
import { parseEnv } from '../../server/env.ts'
import { DEFAULT_REFERENCE_DATE, DEFAULT_SEED, generateDemo } from './generate.ts'

const usage =
  'usage: npm run seed -- --scale N [--seed S] [--resource-scale M] ' +
  '[--reference-date YYYY-MM-DD] [--replace]'

function number(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a number > 0`)
  return value
}

async function hasDemoRows(db: Queryable): Promise<boolean> {
  const r = await db.execute(sql`
    select exists(select 1 from enterprises where created_by is null)
        or exists(select 1 from resources where created_by is null) as present`)
  return Boolean((r.rows[0] as { present: boolean }).present)
}

async function deleteDemoRows(db: Queryable): Promise<void> {
  // Demo incidents (data/demo/incidents.ts) refer to demo enterprises and resources.
  const demoIncidents = sql`(select id from incidents where created_by is null)`
  // Demo drills (data/demo/drills.ts) refer to their exercise incidents.
  const demoDrills = sql`(select id from drills where created_by is null)`
  await db.execute(sql`delete from drill_injections where drill_id in ${demoDrills}`)
  await db.execute(sql`delete from drills where created_by is null`)
  // Demo plans (data/demo/emergency-plans.ts) refer to demo enterprises and incidents.
  const demoActivations = sql`(select id from plan_activations where incident_id in ${demoIncidents})`
  await db.execute(sql`delete from plan_activation_steps where activation_id in ${demoActivations}`)
  await db.execute(sql`delete from plan_activations where incident_id in ${demoIncidents}`)
  await db.execute(sql`delete from dispatches where incident_id in ${demoIncidents}`)
  await db.execute(sql`delete from reporting_obligations where incident_id in ${demoIncidents}`)
  await db.execute(sql`delete from incident_events where incident_id in ${demoIncidents}`)
  await db.execute(sql`delete from incidents where created_by is null`)
  const demoEnterprises = sql`(select id from enterprises where created_by is null)`
  const demoUnits = sql`(select id from hazard_sources
    where created_by is null or enterprise_id in ${demoEnterprises})`
  await db.execute(sql`delete from hidden_dangers where created_by is null
    or enterprise_id in ${demoEnterprises} or hazard_source_id in ${demoUnits}`)
  await db.execute(sql`delete from hazard_sources where id in ${demoUnits}`)
  const demoPlans = sql`(select id from plans where created_by is null)`
  await db.execute(sql`delete from plan_activation_steps where activation_id in
    (select a.id from plan_activations a join plan_versions v on v.id = a.plan_version_id
     where v.plan_id in ${demoPlans})`)
  await db.execute(sql`delete from plan_activations where plan_version_id in
    (select id from plan_versions where plan_id in ${demoPlans})`)
  await db.execute(sql`delete from plan_versions where plan_id in ${demoPlans}`)
  await db.execute(sql`delete from plans where created_by is null`)
  await db.execute(sql`delete from enterprises where created_by is null`)
  await db.execute(sql`delete from resources where created_by is null`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      'resource-scale': { type: 'string' },
      'reference-date': { type: 'string' },
      replace: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const scale = number('scale', values.scale, 1)
  const seed = Math.trunc(number('seed', values.seed, DEFAULT_SEED))
  const resourceScale = number('resource-scale', values['resource-scale'], scale)
  const referenceDate = values['reference-date'] ?? DEFAULT_REFERENCE_DATE
  const log = (line: string) => console.log(`[seed] ${line}`)

  const env = parseEnv()
  // SEED none: a new database gets regions and accounts, and the rows come from this run.
  const { database } = await boot({ ...env, SEED: 'none' }, log)
  try {
    log(
      database.engine === 'pglite'
        ? `embedded engine, data in ${env.DATA_DIR}`
        : 'PostgreSQL (DATABASE_URL)',
    )
    await database.db.transaction(async (tx) => {
      if (await hasDemoRows(tx)) {
        if (!values.replace) {
          throw new Error('demo rows are already present; rerun with --replace to regenerate them')
        }
        log('deleting the existing demo rows (--replace)')
        await deleteDemoRows(tx)
      }
      await generateDemo(tx, { seed, scale, resourceScale, referenceDate, log })
    })
    await database.db.execute(sql`analyze`)
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`)
  console.error(usage)
  process.exitCode = 1
})
