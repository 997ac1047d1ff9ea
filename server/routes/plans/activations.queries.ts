import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { etaMinutes } from '../../domain/dispatch/dispatch-eta.ts'
import { greatCircleKm } from '../../domain/geo/geo.ts'
import {
  checklist,
  shortfall,
  type PlanStep,
  type ResponseLevelRule,
  type StepTick,
} from '../../domain/plans/index.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { pointSql } from '../../lib/registry/location.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { canEdit, inScope } from '../../lib/registry/scope.ts'
import type { ActivationDetail } from './plans.schemas.ts'

interface ActivationRow {
  id: string
  incidentId: string
  planId: string
  planTitle: string
  planVersionId: string
  versionNumber: number
  responseLevel: ActivationDetail['responseLevel']
  responseLevels: ResponseLevelRule[]
  steps: PlanStep[]
  startedBy: string
  startedAt: string
  endedAt: string | null
  endedBy: string | null
  version: number
  regionCode: string
  incidentStatus: string
  lng: number
  lat: number
}

const activationSelect = sql`select a.id, a.incident_id as "incidentId", p.id as "planId",
    p.title as "planTitle", a.plan_version_id as "planVersionId", v.number as "versionNumber",
    a.response_level as "responseLevel", v.response_levels as "responseLevels", v.steps,
    a.started_by as "startedBy", ${isoSql(sql`a.started_at`)} as "startedAt",
    ${isoSql(sql`a.ended_at`)} as "endedAt", a.ended_by as "endedBy", a.version, i.region_code as "regionCode",
    i.status as "incidentStatus", ST_X(i.location) as lng, ST_Y(i.location) as lat
  from plan_activations a join plan_versions v on v.id = a.plan_version_id
    join plans p on p.id = v.plan_id join incidents i on i.id = a.incident_id`

export async function findActivationRow(db: Queryable, id: string) {
  const r = await db.execute(sql`${activationSelect} where a.id = ${id}`)
  return (r.rows[0] as ActivationRow | undefined) ?? null
}

async function activationRows(db: Queryable, incidentId: string) {
  const r = await db.execute(sql`${activationSelect} where a.incident_id = ${incidentId}
    order by a.started_at desc, a.id`)
  return r.rows as unknown as ActivationRow[]
}

/** The nearest available resource of a kind or category in the actor's jurisdiction. */
async function bestOfKind(db: Queryable, actor: Actor, kind: string, at: [number, number]) {
  const r = await db.execute(sql`select id, name, kind, category, ST_X(location) as lng,
      ST_Y(location) as lat
    from resources
    where status = 'available' and retired_at is null and kind <> 'shelter'
      and (kind = ${kind} or category = ${kind}) and ${inScope(actor)}
    order by location <-> ${pointSql(at)} limit 1`)
  const row = r.rows[0] as
    | { id: string; name: string; kind: string; category: string; lng: number; lat: number }
    | undefined
  if (!row) return null
  const distanceKm = greatCircleKm(at, [Number(row.lng), Number(row.lat)])
  return {
    resourceId: row.id,
    name: row.name,
    kind: row.kind,
    category: row.category,
    distanceKm: Math.round(distanceKm * 100) / 100,
    etaMinutes: Math.round(etaMinutes(distanceKm, row.kind) * 10) / 10,
  }
}

export async function activationDetail(
  db: Queryable,
  actor: Actor,
  row: ActivationRow,
  now = new Date(),
): Promise<ActivationDetail> {
  const ticks = await db.execute(sql`select step_key as "stepKey", done_by as "doneBy",
      ${isoSql(sql`done_at`)} as "doneAt", note
    from plan_activation_steps where activation_id = ${row.id}`)
  const live = await db.execute(sql`select r.kind, r.category from dispatches d
    join resources r on r.id = d.resource_id
    where d.incident_id = ${row.incidentId} and d.status <> 'withdrawn'`)
  const at: [number, number] = [Number(row.lng), Number(row.lat)]
  const lines = shortfall(row.steps, live.rows as { kind: string; category: string }[])
  const withRecommendation = []
  for (const line of lines) {
    withRecommendation.push({
      ...line,
      recommendation: line.missing > 0 ? await bestOfKind(db, actor, line.kind, at) : null,
    })
  }
  return {
    id: row.id,
    incidentId: row.incidentId,
    planId: row.planId,
    planTitle: row.planTitle,
    planVersionId: row.planVersionId,
    versionNumber: Number(row.versionNumber),
    responseLevel: row.responseLevel,
    trigger: row.responseLevels.find((l) => l.level === row.responseLevel)?.trigger ?? null,
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    endedBy: row.endedBy,
    version: Number(row.version),
    checklist: checklist(
      row.steps,
      new Date(row.startedAt),
      ticks.rows as unknown as StepTick[],
      now,
    ),
    shortfall: withRecommendation,
    canEdit:
      row.endedAt === null && canEdit(actor, row.regionCode, row.incidentStatus === 'closed'),
  }
}

export async function incidentActivations(db: Queryable, actor: Actor, incidentId: string) {
  const out: ActivationDetail[] = []
  for (const row of await activationRows(db, incidentId)) {
    out.push(await activationDetail(db, actor, row))
  }
  return out
}
