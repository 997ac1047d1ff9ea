import { sql } from 'drizzle-orm'
import { requireActor } from '../../lib/auth/middleware.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { assertReadable, assertWriterRole } from '../../lib/registry/scope.ts'
import { addTimeline, exerciseFlag, findIncidentRow } from '../incidents/incidents.queries.ts'
import { unprocessable } from '../incidents/incidents.update.ts'
import {
  findAck,
  findShift,
  insertLog,
  listInbox,
  listLog,
  listMembers,
  listShifts,
  onDutyNow,
  userAgency,
} from './duty.queries.ts'
import {
  ackRoute,
  createLogRoute,
  createShiftRoute,
  inboxRoute,
  listLogRoute,
  listMembersRoute,
  listShiftsRoute,
} from './duty.routes.ts'

const DAY = 86_400_000

export const dutyRouter = createRouter()
dutyRouter.use('/duty/*', requireActor)
dutyRouter.use('/incidents/:id/ack', requireActor)

dutyRouter
  .openapi(listShiftsRoute, async (c) => {
    const q = c.req.valid('query')
    const actor = c.var.actor
    const db = c.var.database.db
    const from = q.from ?? new Date(Date.now() - DAY).toISOString()
    const to = q.to ?? new Date(Date.now() + 7 * DAY).toISOString()
    const [shifts, now] = await Promise.all([
      listShifts(db, actor.agencyId, from, to),
      onDutyNow(db, actor.agencyId),
    ])
    return c.json(
      { agencyId: actor.agencyId, agencyName: actor.agencyName, onDutyNow: now, shifts },
      200,
    )
  })
  .openapi(createShiftRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const db = c.var.database.db
    const id = await db.transaction(async (tx) => {
      if ((await userAgency(tx, input.userId)) !== actor.agencyId) {
        throw unprocessable(
          'userId',
          'no member of your agency with this id',
          'not_in_jurisdiction',
        )
      }
      const r = await tx.execute(sql`insert into duty_shifts (agency_id, user_id, starts_at,
          ends_at, role)
        values (${actor.agencyId}, ${input.userId}, ${input.startsAt}, ${input.endsAt},
          ${input.role}) returning id`)
      const id = (r.rows[0] as { id: string }).id
      await recordAudit(tx, actor, {
        entity: 'duty_shift',
        entityId: id,
        action: 'create',
        regionCode: actor.regionCode,
        after: { ...input, agencyId: actor.agencyId },
      })
      await publishEvent(tx, {
        type: 'duty.changed',
        regionCode: actor.regionCode,
        entity: 'duty_shift',
        entityId: id,
        payload: { agencyId: actor.agencyId },
      })
      return id
    })
    return c.json(await findShift(db, id), 201)
  })
  .openapi(listMembersRoute, async (c) => {
    return c.json({ members: await listMembers(c.var.database.db, c.var.actor.agencyId) }, 200)
  })
  .openapi(listLogRoute, async (c) => {
    const { limit } = c.req.valid('query')
    const entries = await listLog(c.var.database.db, c.var.actor.agencyId, limit)
    return c.json({ entries }, 200)
  })
  .openapi(createLogRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const db = c.var.database.db
    const entry = await db.transaction(async (tx) => {
      if (input.incidentId) {
        const incident = await findIncidentRow(tx, input.incidentId)
        if (!incident || !incident.regionCode.startsWith(actor.scopePrefix)) {
          throw unprocessable(
            'incidentId',
            'no incident with this id in your jurisdiction',
            'not_in_jurisdiction',
          )
        }
      }
      const entry = await insertLog(tx, actor, input)
      await recordAudit(tx, actor, {
        entity: 'duty_log',
        entityId: entry.id,
        action: 'create',
        regionCode: actor.regionCode,
        after: { ...input, agencyId: actor.agencyId },
      })
      await publishEvent(tx, {
        type: 'duty.changed',
        regionCode: actor.regionCode,
        entity: 'duty_log',
        entityId: entry.id,
        payload: { agencyId: actor.agencyId, kind: input.kind },
      })
      return entry
    })
    return c.json(entry, 201)
  })
  .openapi(inboxRoute, async (c) => {
    return c.json({ items: await listInbox(c.var.database.db, c.var.actor) }, 200)
  })
  .openapi(ackRoute, async (c) => {
    const { id } = c.req.valid('param')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const row = await findIncidentRow(tx, id, true)
      if (!row) throw new HttpProblem(404, 'Not Found', 'No incident with that id.')
      assertReadable(actor, row.regionCode, 'incident')
      assertWriterRole(actor)
      if (await findAck(tx, id, actor.agencyId)) return // idempotent
      await addTimeline(tx, actor, id, 'ack', {
        agencyId: actor.agencyId,
        agencyName: actor.agencyName,
      })
      await insertLog(tx, actor, {
        kind: 'ack',
        text: `签收事故 ${row.type} ${row.address}`,
        incidentId: id,
      })
      await publishEvent(tx, {
        type: 'incident.updated',
        regionCode: row.regionCode,
        entity: 'incident',
        entityId: id,
        payload: { ackBy: actor.agencyId, ...exerciseFlag(row) },
      })
    })
    const ackedAt = (await findAck(db, id, actor.agencyId))!
    return c.json({ incidentId: id, agencyId: actor.agencyId, ackedAt }, 200)
  })
