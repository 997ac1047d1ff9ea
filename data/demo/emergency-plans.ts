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

async function writePlan(tx: Queryable, spec: DemoPlanSpec, owner: Owner): Promise<string> {
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
  return planId
}

const MINUTE = 60_000

/** The demo account of the most local agency over a region (as data/demo/incidents.ts). */
const actorFor = (regionCode: string) =>
  regionCode === '610113'
    ? 'yanta'
    : regionCode === '610802'
      ? 'yuyang'
      : regionCode.startsWith('6101')
        ? 'xian'
        : regionCode.startsWith('6108')
          ? 'yulin'
          : 'shaanxi'

/**
 * The chlorine leak's own 现场处置方案, started 10 minutes after the accident at Ⅲ级: the first
 * two steps ticked in time, the rest open, so the checklist shows late steps in red.
 */
async function startOnsitePlan(tx: Queryable, planId: string): Promise<void> {
  const r =
    await tx.execute(sql`select i.id, i.region_code as "regionCode", to_char(i.occurred_at at time zone 'UTC',
      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt", v.id as "versionId", v.steps, p.title
    from incidents i, plan_versions v join plans p on p.id = v.plan_id
    where i.created_by is null and i.type = '泄漏' and i.substance = '液氯'
      and v.plan_id = ${planId} and v.status = 'in_force'
    order by i.occurred_at limit 1`)
  const row = r.rows[0] as
    | {
        id: string
        regionCode: string
        occurredAt: string
        versionId: string
        steps: { key: string; title: string }[]
        title: string
      }
    | undefined
  if (!row) return
  const who = actorFor(row.regionCode)
  const at = (minutes: number) =>
    new Date(Date.parse(row.occurredAt) + minutes * MINUTE).toISOString()
  const a = await tx.execute(sql`insert into plan_activations (incident_id, plan_version_id,
      response_level, started_by, started_at)
    values (${row.id}, ${row.versionId}, 'III', ${who}, ${at(10)}) returning id`)
  const activationId = (a.rows[0] as { id: string }).id
  const timeline = async (minutes: number, kind: string, data: Record<string, unknown>) =>
    tx.execute(sql`insert into incident_events (incident_id, at, kind, user_id, username, data)
      values (${row.id}, ${at(minutes)}, ${kind}, (select id from users where username = ${who}),
        ${who}, ${JSON.stringify({ activationId, ...data })}::jsonb)`)
  await timeline(10, 'plan_activation', {
    planId,
    planTitle: row.title,
    versionNumber: 2,
    responseLevel: 'III',
  })
  for (const [key, minutes] of [
    ['1', 11],
    ['2', 16],
  ] as const) {
    await tx.execute(sql`insert into plan_activation_steps (activation_id, step_key, done_by, done_at)
      values (${activationId}, ${key}, ${who}, ${at(minutes)})`)
    const title = row.steps.find((s) => s.key === key)?.title ?? key
    await timeline(minutes, 'plan_step_done', { stepKey: key, title, note: '', late: false })
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
    const planId = await writePlan(tx, spec, owner)
    if (spec.key === 'enterprise-onsite') await startOnsitePlan(tx, planId)
    written++
  }
  options.log?.(`demo plans: ${written}`)
  return written
}
