import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { accidentGrade } from '../../domain/incidents/accident-grade.ts'
import { reportingObligations } from '../../domain/incidents/accident-reporting.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { staleVersion } from '../../lib/registry/conflict.ts'
import { assertReadable, assertWritable, assertWriterRole } from '../../lib/registry/scope.ts'
import { applyStatus, applyUpdate, unprocessable } from './incidents.update.ts'
import { obligationsJson, reportIncident } from './incidents.report.ts'
import {
  rebasePendingObligations,
  addTimeline,
  exerciseFlag,
  findIncidentRow,
  findObligation,
  incidentDetail,
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
    const db = c.var.database.db
    const id = await db.transaction((tx) => reportIncident(tx, actor, input))
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
      await applyStatus(tx, actor, before, status)
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
        payload: { note: true, ...exerciseFlag(row) },
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
        payload: { obligationDone: level, ...exerciseFlag(row) },
      })
    })
    return c.json((await findObligation(db, id, level))!, 200)
  })
