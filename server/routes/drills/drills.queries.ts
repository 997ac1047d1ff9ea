import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { PlanStep } from '../../domain/plans/plan-shape.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { pointSql, type LngLat } from '../../lib/registry/location.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { canEdit, inRegion, inScope } from '../../lib/registry/scope.ts'
import type {
  DrillCreate,
  DrillDetail,
  DrillListQuery,
  DrillSummary,
  Evaluation,
} from './drills.schemas.ts'

/** The drill as stored (what the audit log keeps), without the plan steps and injections. */
export type DrillRow = Omit<DrillDetail, 'steps' | 'injections' | 'canEdit'> & {
  runBy: string | null
  planSteps: PlanStep[]
}

const drillColumns = sql`t.id, t.plan_version_id as "planVersionId", p.title as "planTitle",
  v.number as "planVersionNumber", v.steps as "planSteps", t.kind, t.title,
  ${isoSql(sql`t.scheduled_at`)} as "scheduledAt", ST_X(t.place) as lng, ST_Y(t.place) as lat,
  t.address, t.scenario, t.participants, t.status, t.incident_id as "incidentId",
  ${isoSql(sql`t.started_at`)} as "startedAt", ${isoSql(sql`t.finished_at`)} as "finishedAt",
  t.run_by as "runBy", t.evaluation, t.score, t.region_code as "regionCode",
  coalesce((select name from regions where code = t.region_code), t.region_code) as "regionName",
  t.version, ${isoSql(sql`t.created_at`)} as "createdAt", ${isoSql(sql`t.updated_at`)} as "updatedAt",
  ${isoSql(sql`t.retired_at`)} as "retiredAt", t.retired_reason as "retiredReason"`

const drillFrom = sql`from drills t join plan_versions v on v.id = t.plan_version_id
  join plans p on p.id = v.plan_id`

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

type RawRow = Omit<DrillRow, 'place'> & { lng: number; lat: number }

function toRow({ lng, lat, ...r }: RawRow): DrillRow {
  return {
    ...r,
    place: [Number(lng), Number(lat)],
    planVersionNumber: Number(r.planVersionNumber),
    version: Number(r.version),
    score: r.score === null ? null : Number(r.score),
    scenario: json(r.scenario),
    participants: json(r.participants),
    evaluation: json<Evaluation | null>(r.evaluation),
    planSteps: json<PlanStep[]>(r.planSteps) ?? [],
  }
}

export async function findDrillRow(db: Queryable, id: string, lock = false) {
  const r = await db.execute(
    sql`select ${drillColumns} ${drillFrom} where t.id = ${id} ${lock ? sql`for update of t` : sql``}`,
  )
  const row = r.rows[0] as RawRow | undefined
  return row ? toRow(row) : null
}

/** The row as the audit log keeps it: the plan's steps belong to the plan, not the drill. */
export const auditedDrill = (row: DrillRow | null) => {
  if (!row) return null
  const { planSteps: _steps, ...rest } = row
  return rest
}

export async function listInjections(db: Queryable, drillId: string) {
  const r = await db.execute(sql`select seq, minute, text, changes,
      ${isoSql(sql`due_at`)} as "dueAt", ${isoSql(sql`applied_at`)} as "appliedAt"
    from drill_injections where drill_id = ${drillId} order by seq`)
  return (
    r.rows as {
      seq: number
      minute: number
      text: string
      changes: unknown
      dueAt: string
      appliedAt: string | null
    }[]
  ).map(({ changes, ...x }) => ({
    ...json<Record<string, unknown>>(changes),
    ...x,
    seq: Number(x.seq),
    minute: Number(x.minute),
  }))
}

export async function drillDetail(
  db: Queryable,
  actor: Actor,
  row: DrillRow,
): Promise<DrillDetail> {
  const { planSteps, runBy: _runBy, ...rest } = row
  // Not run yet: the scenario's injections, without due times.
  const injections =
    row.status === 'scheduled'
      ? row.scenario.injections.map((x, seq) => ({ ...x, seq, dueAt: null, appliedAt: null }))
      : await listInjections(db, row.id)
  return {
    ...rest,
    steps: planSteps.map(({ key, title, role, targetMinutes }) => ({
      key,
      title,
      role,
      targetMinutes,
    })),
    injections: injections as DrillDetail['injections'],
    canEdit: canEdit(actor, row.regionCode, row.status === 'finished'),
  }
}

export async function listDrills(
  db: Queryable,
  actor: Actor,
  f: DrillListQuery,
): Promise<DrillSummary[]> {
  const where: SQL[] = [inScope(actor, sql`t.region_code`), sql`t.retired_at is null`]
  if (f.status) where.push(sql`t.status = ${f.status}`)
  if (f.region) where.push(inRegion(f.region, sql`t.region_code`))
  if (f.q) where.push(sql`t.title like ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'}`)
  const r = await db.execute(sql`select ${drillColumns} ${drillFrom}
    where ${sql.join(where, sql` and `)} order by t.scheduled_at desc, t.id limit ${f.limit}`)
  return (r.rows as RawRow[]).map((raw) => {
    const d = toRow(raw)
    return {
      id: d.id,
      kind: d.kind,
      title: d.title,
      scheduledAt: d.scheduledAt,
      place: d.place,
      address: d.address,
      status: d.status,
      incidentId: d.incidentId,
      score: d.score,
      planTitle: d.planTitle,
      regionCode: d.regionCode,
      regionName: d.regionName,
      version: d.version,
    }
  })
}

/** The plan version a drill may use: readable by the actor (the plan's own rule), or null. */
export async function findPlanVersion(db: Queryable, id: string) {
  const r = await db.execute(sql`select v.id, p.level, p.region_code as "regionCode"
    from plan_versions v join plans p on p.id = v.plan_id
    where v.id = ${id} and p.retired_at is null`)
  return (r.rows[0] as { id: string; level: string; regionCode: string } | undefined) ?? null
}

export async function findResources(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { regionCode: string; retired: boolean }>()
  const r = await db.execute(sql`select id, region_code as "regionCode",
      retired_at is not null as retired
    from resources where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`)
  const rows = r.rows as { id: string; regionCode: string; retired: boolean }[]
  return new Map(rows.map((x) => [x.id, x]))
}

export async function knownRegions(db: Queryable, codes: readonly string[]) {
  if (codes.length === 0) return new Set<string>()
  const r = await db.execute(
    sql`select code from regions where code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  )
  return new Set((r.rows as { code: string }[]).map((x) => x.code))
}

export async function insertDrill(
  tx: Queryable,
  actor: Actor,
  v: DrillCreate,
  regionCode: string,
): Promise<string> {
  const r = await tx.execute(sql`insert into drills (plan_version_id, kind, title, scheduled_at,
      place, address, scenario, participants, region_code, created_by, updated_by)
    values (${v.planVersionId}, ${v.kind}, ${v.title}, ${v.scheduledAt},
      ${pointSql(v.place as LngLat)}, ${v.address}, ${JSON.stringify(v.scenario)}::jsonb,
      ${JSON.stringify(v.participants)}::jsonb, ${regionCode}, ${actor.id}, ${actor.id})
    returning id`)
  return (r.rows[0] as { id: string }).id
}

export async function updateDrill(
  tx: Queryable,
  actor: Actor,
  before: DrillRow,
  next: DrillRow,
): Promise<void> {
  await tx.execute(sql`update drills set kind = ${next.kind}, title = ${next.title},
      scheduled_at = ${next.scheduledAt}, place = ${pointSql(next.place as LngLat)},
      address = ${next.address}, scenario = ${JSON.stringify(next.scenario)}::jsonb,
      participants = ${JSON.stringify(next.participants)}::jsonb,
      region_code = ${next.regionCode}, version = version + 1, updated_at = now(),
      updated_by = ${actor.id}
    where id = ${before.id}`)
}

/** When each plan step was ticked on the drill incident's activation checklist. */
export async function checklistTicks(db: Queryable, incidentId: string) {
  const r =
    await db.execute(sql`select s.step_key as key, ${isoSql(sql`min(s.done_at)`)} as "doneAt"
    from plan_activation_steps s join plan_activations a on a.id = s.activation_id
    where a.incident_id = ${incidentId} group by s.step_key`)
  return new Map((r.rows as { key: string; doneAt: string }[]).map((x) => [x.key, x.doneAt]))
}
