import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { AccidentGrade } from '../../domain/incidents/accident-grade.ts'
import {
  reportingObligations,
  supplementWindowDays,
  type ReportingLevel,
  type ReportingObligation,
  type ReportReceipts,
} from '../../domain/incidents/accident-reporting.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { featureCollection } from '../../lib/registry/feature-list.ts'
import { pointSql, type LngLat } from '../../lib/registry/location.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { canEdit, inRegion, inScope } from '../../lib/registry/scope.ts'
import type {
  IncidentCreate,
  IncidentDetail,
  ExerciseMode,
  IncidentListQuery,
  ObligationDetail,
} from './incidents.schemas.ts'

/** The incident as stored: what the audit log keeps as before/after. */
export type IncidentRow = Omit<
  IncidentDetail,
  'location' | 'canEdit' | 'obligations' | 'timeline' | 'dispatches' | 'supplementUntil'
> & { lng: number; lat: number }

export async function findIncidentRow(
  db: Queryable,
  id: string,
  lock = false,
): Promise<IncidentRow | null> {
  const result = await db.execute(sql`
    select t.id, t.type, ${isoSql(sql`t.occurred_at`)} as "occurredAt",
      ${isoSql(sql`t.reported_at`)} as "reportedAt", t.address,
      t.enterprise_id as "enterpriseId", t.hazard_source_id as "hazardSourceId", t.deaths,
      t.serious_injuries as "seriousInjuries", t.missing, t.direct_loss_yuan as "directLossYuan",
      t.grade, t.substance, t.description, t.reporter_name as "reporterName",
      t.reporter_contact as "reporterContact", t.status, t.exercise, t.region_code as "regionCode",
      coalesce((select name from regions where code = t.region_code), t.region_code) as "regionName",
      t.version, ${isoSql(sql`t.created_at`)} as "createdAt",
      ${isoSql(sql`t.updated_at`)} as "updatedAt", ST_X(t.location) as lng, ST_Y(t.location) as lat
    from incidents t where t.id = ${id} ${lock ? sql`for update` : sql``}`)
  const row = result.rows[0] as IncidentRow | undefined
  if (!row) return null
  return { ...row, directLossYuan: Number(row.directLossYuan), version: Number(row.version) }
}

/** When 续报 of casualties and loss closes (Order 493 Art. 13: 7 or 30 days). */
export function supplementUntil(row: Pick<IncidentRow, 'type' | 'occurredAt'>): Date {
  return new Date(Date.parse(row.occurredAt) + supplementWindowDays(row.type) * 86_400_000)
}

const obligationColumns = sql`level, ${isoSql(sql`due_at`)} as "dueAt", grade,
  ${isoSql(sql`done_at`)} as "doneAt", done_by as "doneBy",
  (done_at is null and due_at < now()) as late`

export async function listObligations(db: Queryable, incidentId: string) {
  const r = await db.execute(sql`select ${obligationColumns} from reporting_obligations
    where incident_id = ${incidentId}
    order by case level when 'county' then 0 when 'city' then 1 when 'province' then 2 else 3 end`)
  return r.rows as ObligationDetail[]
}

export async function findObligation(db: Queryable, incidentId: string, level: string) {
  const r = await db.execute(sql`select ${obligationColumns} from reporting_obligations
    where incident_id = ${incidentId} and level = ${level}`)
  return (r.rows[0] as ObligationDetail | undefined) ?? null
}

export async function incidentDetail(
  db: Queryable,
  actor: Actor,
  row: IncidentRow,
): Promise<IncidentDetail> {
  // One after the other: inside a transaction all three share one connection.
  const obligations = await listObligations(db, row.id)
  const timeline = await db.execute(sql`select id, ${isoSql(sql`at`)} as at, kind, username, data
      from incident_events where incident_id = ${row.id} order by at desc, id desc`)
  const dispatches = await db.execute(sql`select d.id, d.resource_id as "resourceId",
        r.name as "resourceName", r.kind, r.category, d.status, d.note,
        d.eta_minutes as "etaMinutes", ${isoSql(sql`d.dispatched_at`)} as "dispatchedAt",
        ${isoSql(sql`d.en_route_at`)} as "enRouteAt", ${isoSql(sql`d.on_scene_at`)} as "onSceneAt",
        ${isoSql(sql`d.withdrawn_at`)} as "withdrawnAt", ST_X(r.location) as lng,
        ST_Y(r.location) as lat
      from dispatches d join resources r on r.id = d.resource_id
      where d.incident_id = ${row.id} order by d.dispatched_at, d.id`)
  const { lng, lat, ...rest } = row
  return {
    ...rest,
    deaths: Number(row.deaths),
    seriousInjuries: Number(row.seriousInjuries),
    missing: Number(row.missing),
    location: [Number(lng), Number(lat)],
    supplementUntil: supplementUntil(row).toISOString(),
    canEdit: canEdit(actor, row.regionCode, row.status === 'closed'),
    obligations,
    timeline: (timeline.rows as IncidentDetail['timeline']).map((e) => ({
      ...e,
      id: Number(e.id),
    })),
    dispatches: (
      dispatches.rows as (IncidentDetail['dispatches'][number] & { lng: number; lat: number })[]
    ).map(({ lng, lat, ...d }) => ({ ...d, location: [Number(lng), Number(lat)] })),
  }
}

export interface RefRow {
  regionCode: string
  retired: boolean
}

export async function findRef(
  db: Queryable,
  table: 'enterprises' | 'hazard_sources',
  id: string,
): Promise<RefRow | null> {
  const r =
    await db.execute(sql`select region_code as "regionCode", retired_at is not null as retired
    from ${sql.identifier(table)} where id = ${id}`)
  return (r.rows[0] as RefRow | undefined) ?? null
}

export async function insertIncident(
  tx: Queryable,
  actor: Actor,
  v: IncidentCreate & { grade: AccidentGrade; exercise: boolean },
  regionCode: string,
): Promise<string> {
  const r = await tx.execute(sql`
    insert into incidents (type, occurred_at, location, address, enterprise_id, hazard_source_id,
      deaths, serious_injuries, missing, direct_loss_yuan, grade, substance, description,
      reporter_name, reporter_contact, exercise, region_code, created_by, updated_by)
    values (${v.type}, ${v.occurredAt}, ${pointSql(v.location as LngLat)}, ${v.address},
      ${v.enterpriseId ?? null}, ${v.hazardSourceId ?? null}, ${v.deaths}, ${v.seriousInjuries},
      ${v.missing}, ${v.directLossYuan}, ${v.grade}, ${v.substance ?? null}, ${v.description},
      ${v.reporterName}, ${v.reporterContact}, ${v.exercise}, ${regionCode}, ${actor.id},
      ${actor.id})
    returning id`)
  return (r.rows[0] as { id: string }).id
}

/** Adds obligations for levels the incident does not have yet; never removes or moves one. */
export async function addObligations(
  tx: Queryable,
  incidentId: string,
  grade: AccidentGrade,
  obligations: ReportingObligation[],
): Promise<string[]> {
  const added: string[] = []
  for (const o of obligations) {
    const r = await tx.execute(sql`
      insert into reporting_obligations (incident_id, level, due_at, grade)
      values (${incidentId}, ${o.level}, ${o.dueAt.toISOString()}, ${grade})
      on conflict (incident_id, level) do nothing returning level`)
    if (r.rows.length > 0) added.push(o.level)
  }
  return added
}

/** When each level received the report: the done time of its obligation. */
export async function reportReceipts(db: Queryable, incidentId: string): Promise<ReportReceipts> {
  const r = await db.execute(sql`select level, ${isoSql(sql`done_at`)} as "doneAt"
    from reporting_obligations where incident_id = ${incidentId} and done_at is not null`)
  const rows = r.rows as { level: ReportingLevel; doneAt: string }[]
  return Object.fromEntries(rows.map((row) => [row.level, new Date(row.doneAt)]))
}

/**
 * After a level is marked as told, the levels above it that are still pending get 2 h from
 * that moment (Order 493 Art. 11), earlier or later than the provisional deadline. A level's
 * deadline depends only on the receipts below it, so the full chain gives every level's.
 */
export async function rebasePendingObligations(
  tx: Queryable,
  incidentId: string,
  occurredAt: string,
): Promise<void> {
  const receipts = await reportReceipts(tx, incidentId)
  const chain = reportingObligations('特别重大', new Date(occurredAt), receipts)
  for (const o of chain) {
    await tx.execute(sql`update reporting_obligations set due_at = ${o.dueAt.toISOString()}
      where incident_id = ${incidentId} and level = ${o.level} and done_at is null
        and due_at <> ${o.dueAt.toISOString()}`)
  }
}

export async function addTimeline(
  tx: Queryable,
  actor: Actor,
  incidentId: string,
  kind: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.execute(sql`
    insert into incident_events (incident_id, kind, user_id, username, data)
    values (${incidentId}, ${kind}, ${actor.id}, ${actor.username}, ${JSON.stringify(data)}::jsonb)`)
}

export function listIncidents(
  db: Queryable,
  actor: Actor,
  f: IncidentListQuery,
): Promise<Uint8Array<ArrayBuffer>> {
  const where: SQL[] = [inScope(actor, sql`t.region_code`)]
  if (f.region) where.push(inRegion(f.region, sql`t.region_code`))
  const oneOf = (column: SQL, values: readonly string[] | undefined) => {
    if (values?.length) {
      where.push(
        sql`${column} in (${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      )
    }
  }
  oneOf(sql`t.status`, f.status)
  oneOf(sql`t.grade`, f.grade)
  oneOf(sql`t.type`, f.type)
  if (f.since) where.push(sql`t.occurred_at >= ${f.since}`)
  where.push(exerciseFilter(f.exercise, sql`t.exercise`))
  return featureCollection(db, {
    from: sql`incidents t`,
    properties: sql`json_build_object('type', t.type, 'grade', t.grade, 'status', t.status,
      'exercise', t.exercise,
      'occurredAt', ${isoSql(sql`t.occurred_at`)}, 'deaths', t.deaths,
      'seriousInjuries', t.serious_injuries, 'regionCode', t.region_code, 'address', t.address)`,
    where,
    orderBy: sql`t.occurred_at desc, t.id`,
    bbox: f.bbox,
    limit: f.limit,
  })
}

/**
 * Exercises (演练) stay out of every list, count and statistic unless the reader asks:
 * `include` shows both, `only` only exercises, the default `exclude` none.
 */
export function exerciseFilter(mode: ExerciseMode | undefined, column: SQL): SQL {
  if (mode === 'include') return sql`true`
  if (mode === 'only') return sql`${column}`
  return sql`not ${column}`
}

/** What every event about an exercise incident carries, so screens can mark or skip it. */
export const exerciseFlag = (row: { exercise: boolean }) => (row.exercise ? { exercise: true } : {})
