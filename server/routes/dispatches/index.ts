import { sql } from 'drizzle-orm'
import { etaMinutes, rankCandidates } from '../../domain/dispatch/dispatch-eta.ts'
import { greatCircleKm } from '../../domain/geo/geo.ts'
import { canMoveDispatch, type DispatchStatus } from '../../domain/incidents/incident-status.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem, type FieldErrorCode } from '../../lib/problem.ts'
import { pgErrorCode, UNIQUE_VIOLATION } from '../../lib/registry/db-errors.ts'
import { assertReadable, assertWritable } from '../../lib/registry/scope.ts'
import { loadIncidentForWrite } from '../incidents/index.ts'
import { addTimeline, exerciseFlag } from '../incidents/incidents.queries.ts'
import { unprocessable } from '../incidents/incidents.update.ts'
import {
  findDispatches,
  findDispatchForWrite,
  insertDispatch,
  lockResources,
  incidentWithCandidates,
  setResourceStatus,
} from './dispatches.queries.ts'
import {
  createDispatchesRoute,
  dispatchStatusRoute,
  recommendationsRoute,
} from './dispatches.routes.ts'

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits
const conflict = (field: string, message: string, code: FieldErrorCode) =>
  new HttpProblem(409, 'Conflict', `${field}: ${message}`, {
    errors: [{ field, code, message }],
  })

/** When each dispatch status was reached. */
const stampColumn = {
  en_route: 'en_route_at',
  on_scene: 'on_scene_at',
  withdrawn: 'withdrawn_at',
} as const

export const dispatchesRouter = createRouter()
dispatchesRouter.use('/dispatches/*', requireActor)
dispatchesRouter.use('/incidents/:id/recommendations', requireActor)
dispatchesRouter.use('/incidents/:id/dispatches', requireActor)

dispatchesRouter
  .openapi(recommendationsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { limit } = c.req.valid('query')
    const actor = c.var.actor
    const db = c.var.database.db
    const found = await incidentWithCandidates(db, actor, id)
    if (!found) throw new HttpProblem(404, 'Not Found', 'No incident with that id.')
    const { incident } = found
    assertReadable(actor, incident.regionCode, 'incident')
    const candidates = found.candidates ?? []
    const ranked = rankCandidates(incident, candidates)
    return c.json(
      {
        incidentId: id,
        considered: candidates.length,
        candidates: ranked.slice(0, limit).map((r) => ({
          resourceId: r.resource.id,
          name: r.resource.name,
          kind: r.resource.kind,
          category: r.resource.category,
          regionCode: r.resource.regionCode,
          location: r.resource.location,
          distanceKm: round(r.distanceKm, 2),
          etaMinutes: round(r.etaMinutes, 1),
          fitness: r.fitness,
          reason: r.reason,
        })),
      },
      200,
    )
  })
  .openapi(createDispatchesRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { resourceIds, note } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    let created: string[]
    try {
      created = await db.transaction(async (tx) => {
        const incident = await loadIncidentForWrite(tx, actor, id)
        if (incident.status === 'closed') {
          throw unprocessable('status', 'the incident is closed', 'closed')
        }
        const at: [number, number] = [Number(incident.lng), Number(incident.lat)]
        const resources = await lockResources(tx, resourceIds)
        const ids: string[] = []
        for (const [i, resourceId] of resourceIds.entries()) {
          const field = `resourceIds.${i}`
          const r = resources.get(resourceId)
          if (!r || !isWithinJurisdiction(actor.scopePrefix, r.regionCode)) {
            throw unprocessable(
              field,
              'no resource with this id in your jurisdiction',
              'not_in_jurisdiction',
            )
          }
          if (r.retired) throw unprocessable(field, `${r.name} has been retired`, 'retired')
          if (r.status !== 'available') {
            throw conflict(field, `${r.name} is not available (${r.status})`, 'not_available')
          }
          const eta = etaMinutes(greatCircleKm(at, [Number(r.lng), Number(r.lat)]), r.kind)
          const dispatchId = await insertDispatch(tx, actor, {
            incidentId: id,
            resourceId,
            note,
            etaMinutes: Math.round(eta),
          })
          await setResourceStatus(tx, actor, resourceId, 'dispatched')
          ids.push(dispatchId)
          await recordAudit(tx, actor, {
            entity: 'dispatch',
            entityId: dispatchId,
            action: 'create',
            regionCode: incident.regionCode,
            after: { incidentId: id, resourceId, note, etaMinutes: Math.round(eta) },
          })
          await publishEvent(tx, {
            type: 'dispatch.changed',
            regionCode: incident.regionCode,
            entity: 'dispatch',
            entityId: dispatchId,
            payload: {
              incidentId: id,
              resourceId,
              status: 'dispatched',
              ...exerciseFlag(incident),
            },
          })
          await publishEvent(tx, {
            type: 'resource.status',
            regionCode: r.regionCode,
            entity: 'resource',
            entityId: resourceId,
            payload: { status: 'dispatched', incidentId: id, ...exerciseFlag(incident) },
          })
        }
        const detail = await findDispatches(tx, ids)
        await addTimeline(tx, actor, id, 'dispatch', {
          note,
          dispatches: detail.map((d) => ({
            dispatchId: d.id,
            resourceId: d.resourceId,
            name: d.resourceName,
            category: d.category,
            etaMinutes: d.etaMinutes,
          })),
        })
        return ids
      })
    } catch (error) {
      // Another request dispatched one of these resources between our check and our insert:
      // the partial unique index on live dispatches refused the second one.
      if (pgErrorCode(error) === UNIQUE_VIOLATION) {
        throw conflict('resourceIds', 'a resource was dispatched by someone else just now', 'taken')
      }
      throw error
    }
    return c.json({ dispatches: await findDispatches(db, created) }, 201)
  })
  .openapi(dispatchStatusRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { status } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const d = await findDispatchForWrite(tx, id)
      if (!d) throw new HttpProblem(404, 'Not Found', 'No dispatch with that id.')
      assertReadable(actor, d.regionCode, 'dispatch')
      assertWritable(actor, d.regionCode)
      const from = d.status as DispatchStatus
      if (!canMoveDispatch(from, status)) {
        throw unprocessable('status', `cannot go from ${from} to ${status}`, 'bad_transition')
      }
      await tx.execute(sql`update dispatches set status = ${status},
        ${sql.identifier(stampColumn[status as keyof typeof stampColumn])} = now(),
        version = version + 1 where id = ${id}`)
      await addTimeline(tx, actor, d.incidentId, 'dispatch_status', {
        dispatchId: id,
        resourceId: d.resourceId,
        from,
        to: status,
      })
      await recordAudit(tx, actor, {
        entity: 'dispatch',
        entityId: id,
        action: 'update',
        regionCode: d.regionCode,
        before: { status: from },
        after: { status },
      })
      // Row locks before the event-order lock that publishEvent takes (see publish.ts), so
      // two writers can never hold one each and wait for the other.
      const released = status === 'withdrawn'
      if (released) await setResourceStatus(tx, actor, d.resourceId, 'available')
      await publishEvent(tx, {
        type: 'dispatch.changed',
        regionCode: d.regionCode,
        entity: 'dispatch',
        entityId: id,
        payload: { incidentId: d.incidentId, resourceId: d.resourceId, status, ...exerciseFlag(d) },
      })
      if (released) {
        await publishEvent(tx, {
          type: 'resource.status',
          regionCode: d.resourceRegionCode,
          entity: 'resource',
          entityId: d.resourceId,
          payload: { status: 'available', incidentId: d.incidentId, ...exerciseFlag(d) },
        })
      }
    })
    return c.json((await findDispatches(db, [id]))[0]!, 200)
  })
