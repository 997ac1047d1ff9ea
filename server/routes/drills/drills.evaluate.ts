import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { evaluateDrill, minutesSince } from '../../domain/plans/drill-evaluation.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { findIncidentRow } from '../incidents/incidents.queries.ts'
import { advanceIncidentTo } from './drills.run.ts'
import { auditedDrill, checklistTicks, findDrillRow, type DrillRow } from './drills.queries.ts'
import type { DrillFinish, DrillReplay, Evaluation } from './drills.schemas.ts'

/**
 * The evaluation of a finished drill: each plan step's time from the activation checklist
 * tick on the drill incident when there is one, else from the evaluators' form, scored by
 * the pure rule (domain/plans/drill-evaluation.ts).
 */
export async function evaluationOf(
  db: Queryable,
  actor: Actor,
  row: DrillRow,
  form: DrillFinish,
): Promise<Evaluation> {
  const startedAt = new Date(row.startedAt!)
  const ticks = row.incidentId ? await checklistTicks(db, row.incidentId) : new Map()
  const sources = new Map<string, 'checklist' | 'form' | 'none'>()
  const timings = row.planSteps.map((s) => {
    const tick = ticks.get(s.key) as string | undefined
    const fromForm = form.stepMinutes[s.key]
    const actualMinutes = tick
      ? minutesSince(startedAt, new Date(tick))
      : typeof fromForm === 'number'
        ? fromForm
        : null
    sources.set(s.key, tick ? 'checklist' : typeof fromForm === 'number' ? 'form' : 'none')
    return { key: s.key, title: s.title, targetMinutes: s.targetMinutes, actualMinutes }
  })
  const scored = evaluateDrill(timings)
  return {
    steps: scored.steps.map((s) => ({ ...s, source: sources.get(s.key) ?? 'none' })),
    score: scored.score,
    rating: scored.rating,
    problems: form.problems,
    improvements: form.improvements,
    summary: form.summary,
    evaluatedBy: actor.username,
    evaluatedAt: new Date().toISOString(),
  }
}

/** 结束演练: closes the exercise incident (status steps), stores the evaluation and score. */
export async function finishDrill(tx: Queryable, actor: Actor, row: DrillRow, form: DrillFinish) {
  const evaluation = await evaluationOf(tx, actor, row, form)
  if (row.incidentId) await advanceIncidentTo(tx, actor, row.incidentId, 'closed')
  await tx.execute(sql`update drills set status = 'finished', finished_at = now(),
      evaluation = ${JSON.stringify(evaluation)}::jsonb, score = ${evaluation.score},
      version = version + 1, updated_at = now(), updated_by = ${actor.id}
    where id = ${row.id}`)
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
    payload: {
      action: 'finish',
      incidentId: row.incidentId,
      score: evaluation.score,
      exercise: true,
    },
  })
}

/** The drill incident's timeline for the replay slider: states, dispatch lines, steps. */
export async function drillReplay(db: Queryable, row: DrillRow): Promise<DrillReplay | null> {
  if (!row.incidentId || !row.startedAt) return null
  const incident = await findIncidentRow(db, row.incidentId)
  if (!incident) return null
  const timeline = await db.execute(sql`select ${isoSql(sql`at`)} as at, kind, username, data
    from incident_events where incident_id = ${row.incidentId} order by at, id`)
  const dispatches = await db.execute(sql`select d.id, r.name as "resourceName",
      ST_X(r.location) as lng, ST_Y(r.location) as lat,
      ${isoSql(sql`d.dispatched_at`)} as "dispatchedAt", ${isoSql(sql`d.en_route_at`)} as "enRouteAt",
      ${isoSql(sql`d.on_scene_at`)} as "onSceneAt", ${isoSql(sql`d.withdrawn_at`)} as "withdrawnAt"
    from dispatches d join resources r on r.id = d.resource_id
    where d.incident_id = ${row.incidentId} order by d.dispatched_at, d.id`)
  const start = Date.parse(row.startedAt)
  const ticks = await checklistTicks(db, row.incidentId)
  const evaluated = new Map((row.evaluation?.steps ?? []).map((s) => [s.key, s.actualMinutes]))
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
  return {
    drillId: row.id,
    incidentId: row.incidentId,
    start: row.startedAt,
    end: row.finishedAt ?? new Date().toISOString(),
    location: [Number(incident.lng), Number(incident.lat)],
    timeline: timeline.rows as DrillReplay['timeline'],
    dispatches: (
      dispatches.rows as (Omit<DrillReplay['dispatches'][number], 'location'> & {
        lng: number
        lat: number
      })[]
    ).map(({ lng, lat, ...d }) => ({ ...d, location: [Number(lng), Number(lat)] })),
    steps: row.planSteps.map((s) => {
      const tick = ticks.get(s.key)
      const minutes = evaluated.get(s.key)
      return {
        key: s.key,
        title: s.title,
        role: s.role,
        targetMinutes: s.targetMinutes,
        dueAt: at(s.targetMinutes),
        doneAt: tick ?? (typeof minutes === 'number' ? at(minutes) : null),
      }
    }),
  }
}
