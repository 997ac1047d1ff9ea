import { sql } from 'drizzle-orm'
import { identifySubstance, matchCas } from '../../domain/registry/gb18218-lookup.ts'
import { rankPlans } from '../../domain/plans/index.ts'
import type { Queryable } from '../../db/database.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { staleVersion } from '../../lib/registry/conflict.ts'
import { assertReadable } from '../../lib/registry/scope.ts'
import { loadIncidentForWrite } from '../incidents/index.ts'
import { addTimeline, findIncidentRow, type IncidentRow } from '../incidents/incidents.queries.ts'
import { unprocessable } from '../incidents/incidents.update.ts'
import { activationDetail, findActivationRow, incidentActivations } from './activations.queries.ts'
import { canReadPlan, findPlan, plansInForce } from './plans.queries.ts'
import {
  createActivationRoute,
  endActivationRoute,
  getActivationRoute,
  listActivationsRoute,
  planMatchesRoute,
  stepDoneRoute,
} from './plans.routes.ts'

async function readableIncident(db: Queryable, actor: Actor, id: string) {
  const row = await findIncidentRow(db, id)
  if (!row) throw new HttpProblem(404, 'Not Found', 'No incident with that id.')
  assertReadable(actor, row.regionCode, 'incident')
  return row
}

/** CAS numbers of what the incident involves: its substance, and its hazard source's. */
async function incidentCas(db: Queryable, incident: IncidentRow): Promise<string[]> {
  const cas = new Set<string>()
  const add = (name: string, c?: string) => {
    const m = identifySubstance(name, c)
    if (m) for (const x of matchCas(m)) cas.add(x)
    else if (c) cas.add(c)
  }
  if (incident.substance) add(incident.substance, incident.substance)
  if (incident.hazardSourceId) {
    const r = await db.execute(sql`select substances from hazard_sources
      where id = ${incident.hazardSourceId}`)
    const list = ((r.rows[0] as { substances?: { name: string; cas?: string }[] } | undefined)
      ?.substances ?? []) as { name: string; cas?: string }[]
    for (const s of list) add(s.name, s.cas)
  }
  return [...cas]
}

/** The timeline entry and the events of an activation change, in the caller's transaction. */
async function activationWritten(
  tx: Queryable,
  actor: Actor,
  incident: Pick<IncidentRow, 'id' | 'regionCode'>,
  activationId: string,
  kind: 'plan_activation' | 'plan_step_done' | 'plan_ended',
  data: Record<string, unknown>,
) {
  await addTimeline(tx, actor, incident.id, kind, { activationId, ...data })
  await recordAudit(tx, actor, {
    entity: kind === 'plan_step_done' ? 'plan_activation_step' : 'plan_activation',
    entityId: activationId,
    action: kind === 'plan_activation' ? 'create' : 'update',
    regionCode: incident.regionCode,
    after: data,
  })
  await publishEvent(tx, {
    type: 'plan.activation',
    regionCode: incident.regionCode,
    entity: 'plan_activation',
    entityId: activationId,
    payload: { incidentId: incident.id, kind, ...data },
  })
  await publishEvent(tx, {
    type: 'incident.updated',
    regionCode: incident.regionCode,
    entity: 'incident',
    entityId: incident.id,
    payload: { planActivation: activationId },
  })
}

export const activationsRouter = createRouter()
activationsRouter.use('/incidents/:id/plan-matches', requireActor)
activationsRouter.use('/incidents/:id/plan-activations', requireActor)
activationsRouter.use('/plan-activations/*', requireActor)

activationsRouter
  .openapi(planMatchesRoute, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.database.db
    const actor = c.var.actor
    const incident = await readableIncident(db, actor, id)
    const plans = await plansInForce(db, actor)
    const matches = rankPlans(plans, {
      type: incident.type,
      regionCode: incident.regionCode,
      enterpriseId: incident.enterpriseId,
      hazardSourceId: incident.hazardSourceId,
      substanceCas: await incidentCas(db, incident),
    })
    return c.json({ incidentId: id, matches }, 200)
  })
  .openapi(listActivationsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.database.db
    await readableIncident(db, c.var.actor, id)
    return c.json({ activations: await incidentActivations(db, c.var.actor, id) }, 200)
  })
  .openapi(createActivationRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { planId, responseLevel } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    const activationId = await db.transaction(async (tx) => {
      const incident = await loadIncidentForWrite(tx, actor, id)
      if (incident.status === 'closed') {
        throw unprocessable('status', 'the incident is closed', 'closed')
      }
      const plan = await findPlan(tx, actor, planId)
      if (!plan || plan.retired || !canReadPlan(actor, plan)) {
        throw unprocessable(
          'planId',
          'no plan with this id that you may use',
          'not_in_jurisdiction',
        )
      }
      const v = await tx.execute(sql`select id, number, response_levels as "responseLevels"
        from plan_versions where plan_id = ${planId} and status = 'in_force'`)
      const version = v.rows[0] as
        { id: string; number: number; responseLevels: { level: string }[] } | undefined
      if (!version)
        throw unprocessable('planId', 'this plan has no version in force', 'invalid_value')
      const levels = version.responseLevels.map((l) => l.level)
      if (levels.length > 0 && !levels.includes(responseLevel)) {
        throw unprocessable(
          'responseLevel',
          `this plan defines ${levels.join(', ')} only`,
          'invalid_value',
        )
      }
      const r = await tx.execute(sql`insert into plan_activations (incident_id, plan_version_id,
          response_level, started_by)
        values (${id}, ${version.id}, ${responseLevel}, ${actor.username}) returning id`)
      const activationId = (r.rows[0] as { id: string }).id
      await activationWritten(tx, actor, incident, activationId, 'plan_activation', {
        planId,
        planTitle: plan.title,
        versionNumber: Number(version.number),
        responseLevel,
      })
      return activationId
    })
    const row = await findActivationRow(db, activationId)
    return c.json(await activationDetail(db, actor, row!), 201)
  })
  .openapi(getActivationRoute, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.database.db
    const row = await findActivationRow(db, id)
    if (!row) throw new HttpProblem(404, 'Not Found', 'No activation with that id.')
    assertReadable(c.var.actor, row.regionCode, 'activation')
    return c.json(await activationDetail(db, c.var.actor, row), 200)
  })
  .openapi(stepDoneRoute, async (c) => {
    const { id, key } = c.req.valid('param')
    const { note } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const row = await findActivationRow(tx, id)
      if (!row) throw new HttpProblem(404, 'Not Found', 'No activation with that id.')
      assertReadable(actor, row.regionCode, 'activation')
      const incident = await loadIncidentForWrite(tx, actor, row.incidentId)
      if (incident.status === 'closed') {
        throw unprocessable('status', 'the incident is closed', 'closed')
      }
      if (row.endedAt !== null) {
        throw unprocessable('endedAt', 'this plan response has ended (响应终止)', 'closed')
      }
      const step = row.steps.find((s) => s.key === key)
      if (!step) throw new HttpProblem(404, 'Not Found', `This plan has no step ${key}.`)
      const r = await tx.execute(sql`insert into plan_activation_steps (activation_id, step_key,
          done_by, note)
        values (${id}, ${key}, ${actor.username}, ${note})
        on conflict (activation_id, step_key) do nothing returning id`)
      if (r.rows.length === 0) return // idempotent: the first tick stands
      const late = Date.now() > Date.parse(row.startedAt) + step.targetMinutes * 60_000
      await activationWritten(tx, actor, incident, id, 'plan_step_done', {
        stepKey: key,
        title: step.title,
        note,
        late,
      })
    })
    const row = await findActivationRow(db, id)
    return c.json(await activationDetail(db, actor, row!), 200)
  })
  .openapi(endActivationRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, note } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const row = await findActivationRow(tx, id)
      if (!row) throw new HttpProblem(404, 'Not Found', 'No activation with that id.')
      assertReadable(actor, row.regionCode, 'activation')
      const incident = await loadIncidentForWrite(tx, actor, row.incidentId)
      const locked = await tx.execute(sql`select version from plan_activations
        where id = ${id} for update`)
      const current = Number((locked.rows[0] as { version: number }).version)
      if (current !== version) throw staleVersion(version, { ...row, version: current })
      if (row.endedAt !== null) {
        throw new HttpProblem(409, 'Conflict', 'This plan response has already ended.')
      }
      await tx.execute(sql`update plan_activations set ended_at = now(),
        ended_by = ${actor.username}, version = version + 1 where id = ${id}`)
      const done = await tx.execute(sql`select count(*)::int as n from plan_activation_steps
        where activation_id = ${id}`)
      await activationWritten(tx, actor, incident, id, 'plan_ended', {
        planId: row.planId,
        planTitle: row.planTitle,
        responseLevel: row.responseLevel,
        stepsDone: Number((done.rows[0] as { n: number }).n),
        stepsTotal: row.steps.length,
        note,
      })
    })
    const row = await findActivationRow(db, id)
    return c.json(await activationDetail(db, actor, row!), 200)
  })
