import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { PlanAttachment } from '../../db/schema/plans.ts'
import { planScopePrefix, type PlanLevel } from '../../domain/plans/index.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { todayInChina } from '../../lib/registry/overdue.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { canEdit, inRegion } from '../../lib/registry/scope.ts'
import type {
  PlanListQuery,
  PlanSummary,
  PlanVersionDetail,
  VersionContent,
} from './plans.schemas.ts'

/** The jurisdiction prefix a plan row covers, in SQL (see planScopePrefix). */
const planPrefixSql = sql`substr(p.region_code, 1, case p.level when 'national' then 0
  when 'province' then 2 when 'city' then 4 else 6 end)`

/**
 * Plans an actor may read: those inside the actor's jurisdiction, and the higher-level plans
 * whose jurisdiction contains it (a county reads its city's, province's and the national
 * plans: they apply to it). Writes need the plan inside the jurisdiction.
 */
export const planReadable = (actor: Actor): SQL =>
  actor.scopePrefix === ''
    ? sql`true`
    : sql`(p.region_code like ${actor.scopePrefix + '%'} or ${actor.scopePrefix} like ${planPrefixSql} || '%')`

export function canReadPlan(actor: Actor, plan: { level: PlanLevel; regionCode: string }) {
  return (
    isWithinJurisdiction(actor.scopePrefix, plan.regionCode) ||
    actor.scopePrefix.startsWith(planScopePrefix(plan.level, plan.regionCode))
  )
}

const inForce = sql`(select v.number from plan_versions v where v.plan_id = p.id and v.status = 'in_force')`
const reviewDue = sql`(select to_char(v.review_due, 'YYYY-MM-DD') from plan_versions v
  where v.plan_id = p.id and v.status = 'in_force')`

const summaryColumns = sql`p.id, p.level, p.kind, p.title, p.incident_types as "incidentTypes",
  p.substances, p.enterprise_id as "enterpriseId",
  (select name from enterprises e where e.id = p.enterprise_id) as "enterpriseName",
  p.hazard_source_ids as "hazardSourceIds", p.review_cycle_years as "reviewCycleYears",
  p.region_code as "regionCode",
  coalesce((select name from regions where code = p.region_code), p.region_code) as "regionName",
  p.version, ${isoSql(sql`p.updated_at`)} as "updatedAt", ${inForce} as "inForce",
  (select max(v.number) from plan_versions v where v.plan_id = p.id) as latest,
  ${reviewDue} as "reviewDue",
  coalesce((select v.review_due < ${todayInChina} from plan_versions v
    where v.plan_id = p.id and v.status = 'in_force'), false) as overdue,
  p.retired_at is not null as retired`

type SummaryRow = Omit<PlanSummary, 'canEdit'> & { retired: boolean }

const toSummary = (actor: Actor, { retired, ...r }: SummaryRow): PlanSummary => ({
  ...r,
  version: Number(r.version),
  reviewCycleYears: Number(r.reviewCycleYears),
  inForce: r.inForce === null ? null : Number(r.inForce),
  latest: Number(r.latest),
  canEdit: canEdit(actor, r.regionCode, retired),
})

export async function listPlans(db: Queryable, actor: Actor, f: PlanListQuery) {
  const where: SQL[] = [sql`p.retired_at is null`, planReadable(actor)]
  if (f.level) where.push(sql`p.level = ${f.level}`)
  if (f.kind) where.push(sql`p.kind = ${f.kind}`)
  if (f.region) where.push(inRegion(f.region, sql`p.region_code`))
  if (f.q) where.push(sql`p.title like ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'}`)
  if (f.overdue !== undefined) {
    const overdue = sql`exists (select 1 from plan_versions v where v.plan_id = p.id
      and v.status = 'in_force' and v.review_due < ${todayInChina})`
    where.push(f.overdue ? overdue : sql`not ${overdue}`)
  }
  const r = await db.execute(sql`select ${summaryColumns} from plans p
    where ${sql.join(where, sql` and `)}
    order by case p.level when 'national' then 0 when 'province' then 1 when 'city' then 2
      when 'county' then 3 else 4 end, p.region_code, p.title, p.id
    limit ${f.limit}`)
  return (r.rows as SummaryRow[]).map((row) => toSummary(actor, row))
}

/** Every readable plan in force, with what matching needs. */
export async function plansInForce(db: Queryable, actor: Actor) {
  const r = await db.execute(sql`select ${summaryColumns} from plans p
    where p.retired_at is null and ${planReadable(actor)} and ${inForce} is not null`)
  return (r.rows as SummaryRow[]).map((row) => toSummary(actor, row))
}

export async function findPlan(db: Queryable, actor: Actor, id: string, lock = false) {
  const r = await db.execute(sql`select ${summaryColumns} from plans p where p.id = ${id}
    ${lock ? sql`for update of p` : sql``}`)
  const row = r.rows[0] as SummaryRow | undefined
  return row ? { ...toSummary(actor, row), retired: row.retired } : null
}

const versionColumns = sql`v.id, v.number, v.status, v.response_levels as "responseLevels",
  v.steps, v.contacts, v.body, v.note, v.approved_by as "approvedBy",
  ${isoSql(sql`v.approved_at`)} as "approvedAt",
  to_char(v.in_force_from, 'YYYY-MM-DD') as "inForceFrom",
  ${isoSql(sql`v.superseded_at`)} as "supersededAt",
  to_char(v.review_due, 'YYYY-MM-DD') as "reviewDue",
  case when v.attachment is null then null else json_build_object('name', v.attachment->>'name',
    'mediaType', v.attachment->>'mediaType', 'size', (v.attachment->>'size')::int) end as attachment,
  v.version, ${isoSql(sql`v.created_at`)} as "createdAt"`

const toVersion = (v: PlanVersionDetail): PlanVersionDetail => ({
  ...v,
  number: Number(v.number),
  version: Number(v.version),
})

export async function listVersions(db: Queryable, planId: string) {
  const r = await db.execute(sql`select ${versionColumns} from plan_versions v
    where v.plan_id = ${planId} order by v.number desc`)
  return (r.rows as PlanVersionDetail[]).map(toVersion)
}

export async function findVersion(db: Queryable, planId: string, number: number, lock = false) {
  const r = await db.execute(sql`select ${versionColumns} from plan_versions v
    where v.plan_id = ${planId} and v.number = ${number} ${lock ? sql`for update` : sql``}`)
  const row = r.rows[0] as PlanVersionDetail | undefined
  return row ? toVersion(row) : null
}

export async function findAttachment(db: Queryable, planId: string, number: number) {
  const r = await db.execute(sql`select attachment from plan_versions
    where plan_id = ${planId} and number = ${number}`)
  return ((r.rows[0] as { attachment: PlanAttachment | null } | undefined)?.attachment ??
    null) as PlanAttachment | null
}

export async function insertPlan(
  tx: Queryable,
  actor: Actor,
  v: {
    level: string
    kind: string
    title: string
    incidentTypes: string[]
    substances: string[]
    enterpriseId: string | null
    hazardSourceIds: string[]
    reviewCycleYears: number
    regionCode: string
  },
): Promise<string> {
  const r = await tx.execute(sql`insert into plans (level, kind, title, incident_types,
      substances, enterprise_id, hazard_source_ids, review_cycle_years, region_code,
      created_by, updated_by)
    values (${v.level}, ${v.kind}, ${v.title}, ${JSON.stringify(v.incidentTypes)}::jsonb,
      ${JSON.stringify(v.substances)}::jsonb, ${v.enterpriseId}, ${JSON.stringify(v.hazardSourceIds)}::jsonb,
      ${v.reviewCycleYears}, ${v.regionCode}, ${actor.id}, ${actor.id})
    returning id`)
  return (r.rows[0] as { id: string }).id
}

export async function insertVersion(
  tx: Queryable,
  actor: Actor,
  planId: string,
  c: Omit<VersionContent, 'version'>,
  attachment: PlanAttachment | null = null,
): Promise<number> {
  const r = await tx.execute(sql`insert into plan_versions (plan_id, number, response_levels,
      steps, contacts, body, note, attachment, created_by, updated_by)
    values (${planId},
      (select coalesce(max(number), 0) + 1 from plan_versions where plan_id = ${planId}),
      ${JSON.stringify(c.responseLevels)}::jsonb, ${JSON.stringify(c.steps)}::jsonb,
      ${JSON.stringify(c.contacts)}::jsonb, ${c.body}, ${c.note},
      ${attachment === null ? null : JSON.stringify(attachment)}::jsonb, ${actor.id}, ${actor.id})
    returning number`)
  return Number((r.rows[0] as { number: number }).number)
}

/** The plan row's version goes up with every change to it or its versions. */
export async function touchPlan(tx: Queryable, actor: Actor, id: string) {
  await tx.execute(sql`update plans set version = version + 1, updated_at = now(),
    updated_by = ${actor.id} where id = ${id}`)
}
