import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { accidentGrade } from '../../domain/incidents/accident-grade.ts'
import {
  reportingObligations,
  type ReportingObligation,
} from '../../domain/incidents/accident-reporting.ts'
import { canAdvanceIncident, incidentStatusLabels } from '../../domain/incidents/incident-status.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { staleVersion } from '../../lib/registry/conflict.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { assertReadable, assertWritable, assertWriterRole } from '../../lib/registry/scope.ts'
import { applyUpdate, unprocessable } from './incidents.update.ts'
import {
  addObligations,
  rebasePendingObligations,
  addTimeline,
  findIncidentRow,
  findObligation,
  findRef,
  incidentDetail,
  insertIncident,
  listIncidents,
  type IncidentRow,
} from './incidents.queries.ts'
import {
  classifyRoute,
  createIncidentRoute,
  getIncidentRoute,
  incidentNoteRoute,
  incidentStatusRoute,
  listIncidentsRoute,
  obligationDoneRoute,
  updateIncidentRoute,
} from './incidents.routes.ts'

export const ENTITY = 'incident'
const WHAT = 'incident'

/** The incident, locked, after the 404-outside-scope and 403-read-only checks. */
export async function loadIncidentForWrite(
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<IncidentRow> {
  const row = await findIncidentRow(tx, id, true)
  if (!row) throw new HttpProblem(404, 'Not Found', `No ${WHAT} with that id.`)
  assertReadable(actor, row.regionCode, WHAT)
  assertWritable(actor, row.regionCode)
  return row
}

/** A linked enterprise or hazard source must exist, be readable and not retired. */
async function assertUsableRef(
  tx: Queryable,
  actor: Actor,
  field: 'enterpriseId' | 'hazardSourceId',
  id: string,
) {
  const ref = await findRef(tx, field === 'enterpriseId' ? 'enterprises' : 'hazard_sources', id)
  if (!ref || !isWithinJurisdiction(actor.scopePrefix, ref.regionCode)) {
    throw unprocessable(field, 'no record with this id in your jurisdiction', 'not_in_jurisdiction')
  }
  if (ref.retired) throw unprocessable(field, 'this record has been retired', 'retired')
}

const obligationsJson = (list: ReportingObligation[]) =>
  list.map((o) => ({ level: o.level, dueAt: o.dueAt.toISOString() }))

export const incidentsRouter = createRouter()
incidentsRouter.use('/incidents', requireActor)
incidentsRouter.use('/incidents/*', requireActor)

incidentsRouter
  .openapi(classifyRoute, (c) => {
    const { occurredAt, ...figures } = c.req.valid('json')
    const grade = accidentGrade(figures)
    const at = occurredAt ? new Date(occurredAt) : new Date()
    return c.json({ grade, obligations: obligationsJson(reportingObligations(grade, at)) }, 200)
  })
  .openapi(listIncidentsRoute, async (c) => {
    const fc = await listIncidents(c.var.database.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getIncidentRoute, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.database.db
    const row = await findIncidentRow(db, id)
    if (!row) throw new HttpProblem(404, 'Not Found', `No ${WHAT} with that id.`)
    assertReadable(c.var.actor, row.regionCode, WHAT)
    return c.json(await incidentDetail(db, c.var.actor, row), 200)
  })
  .openapi(createIncidentRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const grade = accidentGrade(input)
    const db = c.var.database.db
    const id = await db.transaction(async (tx) => {
      const located = await writableLocation(tx, actor, input.location)
      if (input.enterpriseId) await assertUsableRef(tx, actor, 'enterpriseId', input.enterpriseId)
      if (input.hazardSourceId) {
        await assertUsableRef(tx, actor, 'hazardSourceId', input.hazardSourceId)
      }
      const id = await insertIncident(tx, actor, { ...input, grade }, located.regionCode)
      const obligations = reportingObligations(grade, new Date(input.occurredAt))
      await addObligations(tx, id, grade, obligations)
      await addTimeline(tx, actor, id, 'report', {
        grade,
        deaths: input.deaths,
        seriousInjuries: input.seriousInjuries,
        missing: input.missing,
        directLossYuan: input.directLossYuan,
        obligations: obligationsJson(obligations),
      })
      const after = await findIncidentRow(tx, id)
      await recordAudit(tx, actor, {
        entity: ENTITY,
        entityId: id,
        action: 'create',
        regionCode: located.regionCode,
        after,
      })
      await publishEvent(tx, {
        type: 'incident.created',
        regionCode: located.regionCode,
        entity: ENTITY,
        entityId: id,
        payload: { type: input.type, grade, location: input.location, deaths: input.deaths },
      })
      return id
    })
    const row = await findIncidentRow(db, id)
    return c.json(await incidentDetail(db, actor, row!), 201)
  })
  .openapi(updateIncidentRoute, async (c) => {
    const { id } = c.req.valid('param')
    const patch = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await loadIncidentForWrite(tx, actor, id)
      if (before.version !== patch.version) {
        throw staleVersion(patch.version, await incidentDetail(tx, actor, before))
      }
      if (before.status === 'closed') {
        throw unprocessable('status', 'the incident is closed', 'closed')
      }
      await applyUpdate(tx, actor, before, patch)
    })
    const row = await findIncidentRow(db, id)
    return c.json(await incidentDetail(db, actor, row!), 200)
  })
  .openapi(incidentStatusRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, status } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await loadIncidentForWrite(tx, actor, id)
      if (before.version !== version) {
        throw staleVersion(version, await incidentDetail(tx, actor, before))
      }
      if (!canAdvanceIncident(before.status, status)) {
        throw unprocessable(
          'status',
          `cannot go from ${incidentStatusLabels[before.status]} (${before.status}) to ` +
            `${incidentStatusLabels[status]} (${status}): one step forward only`,
          'bad_transition',
        )
      }
      await tx.execute(sql`update incidents set status = ${status}, version = version + 1,
        updated_at = now(), updated_by = ${actor.id} where id = ${id}`)
      await addTimeline(tx, actor, id, 'status', { from: before.status, to: status })
      const after = await findIncidentRow(tx, id)
      await recordAudit(tx, actor, {
        entity: ENTITY,
        entityId: id,
        action: 'update',
        regionCode: before.regionCode,
        before,
        after,
      })
      await publishEvent(tx, {
        type: 'incident.updated',
        regionCode: before.regionCode,
        entity: ENTITY,
        entityId: id,
        payload: { status, previousStatus: before.status },
      })
    })
    const row = await findIncidentRow(db, id)
    return c.json(await incidentDetail(db, actor, row!), 200)
  })
  .openapi(incidentNoteRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { text } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const row = await loadIncidentForWrite(tx, actor, id)
      await addTimeline(tx, actor, id, 'note', { text })
      await publishEvent(tx, {
        type: 'incident.updated',
        regionCode: row.regionCode,
        entity: ENTITY,
        entityId: id,
        payload: { note: true },
      })
    })
    const row = await findIncidentRow(db, id)
    return c.json(await incidentDetail(db, actor, row!), 201)
  })
  .openapi(obligationDoneRoute, async (c) => {
    const { id, level } = c.req.valid('param')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const row = await loadIncidentForWrite(tx, actor, id)
      const before = await findObligation(tx, id, level)
      if (!before) {
        throw new HttpProblem(404, 'Not Found', `This incident has no ${level} obligation.`)
      }
      if (before.doneAt) return // idempotent: the first marking stands
      await tx.execute(sql`update reporting_obligations set done_at = now(),
        done_by = ${actor.username} where incident_id = ${id} and level = ${level}`)
      await rebasePendingObligations(tx, id, row.occurredAt)
      await addTimeline(tx, actor, id, 'obligation_done', { level, late: before.late })
      await recordAudit(tx, actor, {
        entity: 'reporting_obligation',
        entityId: id,
        action: 'update',
        regionCode: row.regionCode,
        before,
        after: await findObligation(tx, id, level),
      })
      await publishEvent(tx, {
        type: 'incident.updated',
        regionCode: row.regionCode,
        entity: ENTITY,
        entityId: id,
        payload: { obligationDone: level },
      })
    })
    return c.json((await findObligation(db, id, level))!, 200)
  })
