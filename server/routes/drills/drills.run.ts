import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import { canAdvanceIncident } from '../../domain/incidents/incident-status.ts'
import { planScopePrefix, type PlanLevel } from '../../domain/plans/index.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { addTimeline, findIncidentRow } from '../incidents/incidents.queries.ts'
import { reportIncident } from '../incidents/incidents.report.ts'
import { applyStatus, applyUpdate, unprocessable } from '../incidents/incidents.update.ts'
import {
  auditedDrill,
  findDrillRow,
  findPlanVersion,
  findResources,
  knownRegions,
  type DrillRow,
} from './drills.queries.ts'
import type { DrillCreate, Injection } from './drills.schemas.ts'

export const WHAT = 'drill'

/** The drill, locked, after the 404-outside-scope and 403-read-only checks. */
export async function loadDrillForWrite(tx: Queryable, actor: Actor, id: string) {
  const row = await findDrillRow(tx, id, true)
  if (!row || !isWithinJurisdiction(actor.scopePrefix, row.regionCode)) {
    throw new HttpProblem(404, 'Not Found', `No ${WHAT} with that id.`)
  }
  if (row.retiredAt) throw new HttpProblem(404, 'Not Found', `No ${WHAT} with that id.`)
  return row
}

export const badStatus = (row: DrillRow, wanted: string) =>
  unprocessable('status', `the drill is ${row.status}; this needs it ${wanted}`, 'bad_transition')

/** The plan version (readable by the plan rule), the teams and the agencies must be real. */
export async function assertDrillRefs(
  tx: Queryable,
  actor: Actor,
  v: Pick<DrillCreate, 'planVersionId' | 'participants'>,
) {
  const plan = await findPlanVersion(tx, v.planVersionId)
  const readable =
    plan &&
    (isWithinJurisdiction(actor.scopePrefix, plan.regionCode) ||
      actor.scopePrefix.startsWith(planScopePrefix(plan.level as PlanLevel, plan.regionCode)))
  if (!readable) {
    throw unprocessable(
      'planVersionId',
      'no plan version with this id in your jurisdiction',
      'not_in_jurisdiction',
    )
  }
  const teams = await findResources(tx, v.participants.teams)
  for (const [i, id] of v.participants.teams.entries()) {
    const r = teams.get(id)
    if (!r || !isWithinJurisdiction(actor.scopePrefix, r.regionCode)) {
      throw unprocessable(
        `participants.teams.${i}`,
        'no resource with this id in your jurisdiction',
        'not_in_jurisdiction',
      )
    }
    if (r.retired) throw unprocessable(`participants.teams.${i}`, 'retired', 'retired')
  }
  const regions = await knownRegions(tx, v.participants.agencies)
  for (const [i, code] of v.participants.agencies.entries()) {
    if (!regions.has(code)) {
      throw unprocessable(`participants.agencies.${i}`, 'no region with this code', 'invalid_value')
    }
  }
}

/**
 * 开始演练: reports the scenario as an exercise incident through the one incident-reporting
 * path, and schedules its injected updates (due = start + minute) for the scheduler.
 */
export async function runDrill(tx: Queryable, actor: Actor, row: DrillRow): Promise<void> {
  const s = row.scenario
  const startedAt = new Date()
  const incidentId = await reportIncident(
    tx,
    actor,
    {
      type: s.type,
      occurredAt: startedAt.toISOString(),
      location: s.location ?? row.place,
      address: s.address || row.address,
      enterpriseId: null,
      hazardSourceId: null,
      deaths: s.deaths,
      seriousInjuries: s.seriousInjuries,
      missing: s.missing,
      directLossYuan: 0,
      substance: s.substance ?? s.substanceCas ?? null,
      description: `【演练】${s.title}${s.description ? `\n${s.description}` : ''}`,
      reporterName: actor.displayName,
      reporterContact: '',
    },
    { exercise: true },
  )
  await tx.execute(sql`update drills set status = 'running', incident_id = ${incidentId},
      started_at = ${startedAt.toISOString()}, run_by = ${actor.id}, version = version + 1,
      updated_at = now(), updated_by = ${actor.id}
    where id = ${row.id}`)
  for (const [seq, x] of s.injections.entries()) {
    const { minute, text, ...changes } = x
    const dueAt = new Date(startedAt.getTime() + minute * 60_000).toISOString()
    await tx.execute(sql`insert into drill_injections (drill_id, seq, minute, text, changes, due_at)
      values (${row.id}, ${seq}, ${minute}, ${text}, ${JSON.stringify(changes)}::jsonb, ${dueAt})`)
  }
  await recordAudit(tx, actor, {
    entity: 'drill',
    entityId: row.id,
    action: 'update',
    regionCode: row.regionCode,
    before: auditedDrill(row),
    after: auditedDrill(await findDrillRow(tx, row.id)),
  })
  await publishEvent(tx, {
    type: 'drill.changed',
    regionCode: row.regionCode,
    entity: 'drill',
    entityId: row.id,
    payload: { action: 'run', incidentId, exercise: true },
  })
}

const statusOrder = ['reported', 'responding', 'controlled', 'closed'] as const

/** Walks the exercise incident forward, one status step at a time, up to `to`. */
export async function advanceIncidentTo(
  tx: Queryable,
  actor: Actor,
  incidentId: string,
  to: (typeof statusOrder)[number],
) {
  for (;;) {
    const row = await findIncidentRow(tx, incidentId, true)
    if (!row) return
    const next = statusOrder[statusOrder.indexOf(row.status) + 1]
    if (!next || statusOrder.indexOf(row.status) >= statusOrder.indexOf(to)) return
    if (!canAdvanceIncident(row.status, next)) return
    await applyStatus(tx, actor, row, next)
  }
}

export interface DueInjection {
  id: number
  drillId: string
  seq: number
  minute: number
  text: string
  changes: Omit<Injection, 'minute' | 'text'>
  incidentId: string
  runBy: string | null
  regionCode: string
}

/**
 * One injected update, through the incident paths a person would use: the 注入 entry on the
 * timeline, a 续报 for casualty changes (applyUpdate), status steps (applyStatus); each of
 * those writes its audit entry and its `incident.updated` event with `exercise: true`.
 */
export async function applyInjection(tx: Queryable, actor: Actor, x: DueInjection) {
  const before = await findIncidentRow(tx, x.incidentId, true)
  if (before && before.status !== 'closed') {
    await addTimeline(tx, actor, x.incidentId, 'injection', {
      drillId: x.drillId,
      seq: x.seq,
      minute: x.minute,
      text: x.text,
      exercise: true,
    })
    const { status, ...figures } = x.changes
    const changed = Object.entries(figures).some(
      ([k, v]) => v !== undefined && v !== before[k as keyof typeof figures],
    )
    if (changed) await applyUpdate(tx, actor, before, { version: before.version, ...figures })
    if (status) await advanceIncidentTo(tx, actor, x.incidentId, status)
    if (!changed && !status) {
      await publishEvent(tx, {
        type: 'incident.updated',
        regionCode: before.regionCode,
        entity: 'incident',
        entityId: x.incidentId,
        payload: { injection: x.seq, exercise: true },
      })
    }
  }
  await tx.execute(sql`update drill_injections set applied_at = now() where id = ${x.id}`)
}
