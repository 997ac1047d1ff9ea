/**
 * Incidents (事故接报) at scale for the bench (the demo's own handful is incidents.ts): each
 * happens at a hazard source of the already-written demo, with casualties and loss drawn from a skewed distribution (most are
 * 一般, a few 较大, rare 重大) and the grade computed by the Order 493 rule. Deterministic:
 * the same seed and hazard sources give the same rows.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import { incidentStatuses, incidentTypes } from '../../server/db/schema/incidents.ts'
import { accidentGrade } from '../../server/domain/incidents/accident-grade.ts'
import { DEFAULT_REFERENCE_DATE, DEFAULT_SEED } from './plan.ts'
import { Rng } from './random.ts'

const BATCH = 2_000
const DAY_MS = 86_400_000

export interface IncidentOptions {
  count: number
  seed?: number
  referenceDate?: string
}

export async function writeDemoIncidents(db: Queryable, options: IncidentOptions): Promise<number> {
  const rng = new Rng(options.seed ?? DEFAULT_SEED, 'incidents')
  const today = Date.parse(`${options.referenceDate ?? DEFAULT_REFERENCE_DATE}T00:00:00+08:00`)
  const sources = (
    await db.execute(sql`select id, enterprise_id as "enterpriseId" from hazard_sources
      where retired_at is null order by id`)
  ).rows as { id: string; enterpriseId: string }[]
  if (sources.length === 0) return 0
  let written = 0
  while (written < options.count) {
    const n = Math.min(BATCH, options.count - written)
    const rows = Array.from({ length: n }, () => {
      const source = rng.pick(sources)
      const deaths = rng.chance(0.7) ? 0 : rng.chance(0.9) ? rng.int(1, 2) : rng.int(3, 12)
      const seriousInjuries = rng.chance(0.6) ? 0 : rng.int(1, rng.chance(0.95) ? 9 : 60)
      const directLossYuan = Math.round(rng.logRange(1e4, rng.chance(0.98) ? 5e6 : 2e8))
      const occurred =
        today - Math.floor(rng.range(0, 3 * 365)) * DAY_MS - rng.int(0, 86_399) * 1000
      return {
        hazard_source_id: source.id,
        enterprise_id: source.enterpriseId,
        type: rng.pick(incidentTypes),
        occurred_at: new Date(occurred).toISOString(),
        deaths,
        serious_injuries: seriousInjuries,
        direct_loss_yuan: directLossYuan,
        grade: accidentGrade({ deaths, seriousInjuries, directLossYuan }),
        // Older incidents are closed; the last weeks still have open ones.
        status: today - occurred > 30 * DAY_MS ? 'closed' : rng.pick(incidentStatuses),
      }
    })
    await db.execute(sql`
      insert into incidents (type, occurred_at, reported_at, location, enterprise_id,
        hazard_source_id, deaths, serious_injuries, direct_loss_yuan, grade, status,
        region_code, created_at, updated_at)
      select x.type, x.occurred_at, x.occurred_at, h.location, x.enterprise_id,
        x.hazard_source_id, x.deaths, x.serious_injuries, x.direct_loss_yuan, x.grade, x.status,
        h.region_code, x.occurred_at, x.occurred_at
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(hazard_source_id uuid,
        enterprise_id uuid, type text, occurred_at timestamptz, deaths int, serious_injuries int,
        direct_loss_yuan bigint, grade text, status text)
      join hazard_sources h on h.id = x.hazard_source_id`)
    written += n
  }
  return written
}
