/**
 * Writes the demo 应急预案 (emergency-plan-fixtures.ts): the plans of the demo regions and of
 * the enterprise of the chlorine-leak demo incident, each version with its status, approval,
 * in-force date and review date (in force + 3 years, as the API computes it). System-written:
 * created_by null. Needs the demo registry and incidents in place.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import { reviewDueDate } from '../../server/domain/plans/index.ts'
import { demoPlanSpecs, type DemoPlanSpec } from './emergency-plan-fixtures.ts'

interface Owner {
  regionCode: string
  enterpriseId: string | null
  enterpriseName: string
  hazardSourceId: string | null
}

/** The enterprise and hazard source of the demo chlorine leak (its first 泄漏 with 液氯). */
async function incidentSite(tx: Queryable): Promise<Owner | null> {
  const r = await tx.execute(sql`select i.enterprise_id as "enterpriseId",
      i.hazard_source_id as "hazardSourceId", e.region_code as "regionCode", e.name
    from incidents i join enterprises e on e.id = i.enterprise_id
    where i.created_by is null and i.type = '泄漏' and i.substance = '液氯'
    order by i.occurred_at limit 1`)
  const row = r.rows[0] as
    | { enterpriseId: string; hazardSourceId: string | null; regionCode: string; name: string }
    | undefined
  return row ? { ...row, enterpriseName: row.name } : null
}

async function writePlan(tx: Queryable, spec: DemoPlanSpec, owner: Owner): Promise<void> {
  const title = owner.enterpriseId ? `${owner.enterpriseName}${spec.title}` : spec.title
  const hazardSourceIds = spec.ownHazardSource && owner.hazardSourceId ? [owner.hazardSourceId] : []
  const r = await tx.execute(sql`insert into plans (level, kind, title, incident_types, substances,
      enterprise_id, hazard_source_ids, region_code, version)
    values (${spec.level}, ${spec.kind}, ${title}, ${JSON.stringify(spec.incidentTypes)}::jsonb,
      ${JSON.stringify(spec.substances)}::jsonb, ${owner.enterpriseId},
      ${JSON.stringify(hazardSourceIds)}::jsonb, ${owner.regionCode}, ${spec.versions.length})
    returning id`)
  const planId = (r.rows[0] as { id: string }).id
  for (const [i, v] of spec.versions.entries()) {
    const next = spec.versions[i + 1]
    const inForce = v.inForceFrom ?? null
    const approvedAt = inForce ? `${inForce}T09:00:00+08:00` : null
    // A superseded version ended when the next one came into force.
    const supersededAt =
      v.status === 'superseded' && next?.inForceFrom ? `${next.inForceFrom}T09:00:00+08:00` : null
    await tx.execute(sql`insert into plan_versions (plan_id, number, status, response_levels,
        steps, contacts, body, note, approved_by, approved_at, in_force_from, superseded_at,
        review_due, created_at, updated_at)
      values (${planId}, ${i + 1}, ${v.status}, ${JSON.stringify(v.responseLevels)}::jsonb,
        ${JSON.stringify(v.steps)}::jsonb, ${JSON.stringify(v.contacts)}::jsonb, ${v.body},
        ${v.note ?? ''}, ${v.approvedBy ?? null}, ${approvedAt}, ${inForce}, ${supersededAt},
        ${inForce ? reviewDueDate(inForce) : null}, coalesce(${approvedAt}::timestamptz, now()),
        coalesce(${approvedAt}::timestamptz, now()))`)
  }
}

/** Writes every demo plan whose owner exists; returns how many. */
export async function seedDemoPlans(
  tx: Queryable,
  options: { log?: (line: string) => void } = {},
): Promise<number> {
  const site = await incidentSite(tx)
  let written = 0
  for (const spec of demoPlanSpecs) {
    const owner: Owner | null =
      spec.owner === 'incident-enterprise'
        ? site
        : { regionCode: spec.owner, enterpriseId: null, enterpriseName: '', hazardSourceId: null }
    if (!owner) continue
    await writePlan(tx, spec, owner)
    written++
  }
  options.log?.(`demo plans: ${written}`)
  return written
}
