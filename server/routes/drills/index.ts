import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { staleVersion } from '../../lib/registry/conflict.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { assertReadable, assertWritable, assertWriterRole } from '../../lib/registry/scope.ts'
import { drillReplay, finishDrill } from './drills.evaluate.ts'
import {
  auditedDrill,
  drillDetail,
  findDrillRow,
  insertDrill,
  listDrills,
  updateDrill,
  type DrillRow,
} from './drills.queries.ts'
import {
  createDrillRoute,
  drillReplayRoute,
  finishDrillRoute,
  getDrillRoute,
  listDrillsRoute,
  runDrillRoute,
  updateDrillRoute,
} from './drills.routes.ts'
import { assertDrillRefs, badStatus, loadDrillForWrite, runDrill, WHAT } from './drills.run.ts'

export { startDrillScheduler, applyDueInjections } from './drills.scheduler.ts'

async function readDrill(db: Queryable, actor: Actor, id: string): Promise<DrillRow> {
  const row = await findDrillRow(db, id)
  if (!row || row.retiredAt) throw new HttpProblem(404, 'Not Found', `No ${WHAT} with that id.`)
  assertReadable(actor, row.regionCode, WHAT)
  return row
}

/** Locked, in scope (else 404), writable (else 403), at the version the client saw (else 409). */
async function drillForWrite(tx: Queryable, actor: Actor, id: string, version: number) {
  const row = await loadDrillForWrite(tx, actor, id)
  assertWritable(actor, row.regionCode)
  if (row.version !== version) throw staleVersion(version, await drillDetail(tx, actor, row))
  return row
}

const changed = (tx: Queryable, row: DrillRow, action: string, previousRegionCode?: string) =>
  publishEvent(tx, {
    type: 'drill.changed',
    regionCode: row.regionCode,
    entity: 'drill',
    entityId: row.id,
    payload: {
      action,
      version: row.version,
      ...(previousRegionCode && previousRegionCode !== row.regionCode
        ? { movedFrom: previousRegionCode }
        : {}),
    },
  })

export const drillsRouter = createRouter()
drillsRouter.use('/drills', requireActor)
drillsRouter.use('/drills/*', requireActor)

drillsRouter
  .openapi(listDrillsRoute, async (c) => {
    const drills = await listDrills(c.var.database.db, c.var.actor, c.req.valid('query'))
    return c.json({ drills }, 200)
  })
  .openapi(getDrillRoute, async (c) => {
    const db = c.var.database.db
    const row = await readDrill(db, c.var.actor, c.req.valid('param').id)
    return c.json(await drillDetail(db, c.var.actor, row), 200)
  })
  .openapi(createDrillRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const db = c.var.database.db
    const id = await db.transaction(async (tx) => {
      const located = await writableLocation(tx, actor, input.place, 'place')
      if (input.scenario.location) {
        await writableLocation(tx, actor, input.scenario.location, 'scenario.location')
      }
      await assertDrillRefs(tx, actor, input)
      const id = await insertDrill(tx, actor, input, located.regionCode)
      const after = await findDrillRow(tx, id)
      await recordAudit(tx, actor, {
        entity: 'drill',
        entityId: id,
        action: 'create',
        regionCode: located.regionCode,
        after: auditedDrill(after),
      })
      await changed(tx, after!, 'create')
      return id
    })
    return c.json(await drillDetail(db, actor, (await findDrillRow(db, id))!), 201)
  })
  .openapi(updateDrillRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await drillForWrite(tx, actor, id, version)
      if (before.status !== 'scheduled') throw badStatus(before, 'scheduled')
      const next: DrillRow = { ...before, ...patch }
      if (patch.place) {
        next.regionCode = (await writableLocation(tx, actor, patch.place, 'place')).regionCode
      }
      if (patch.scenario?.location) {
        await writableLocation(tx, actor, patch.scenario.location, 'scenario.location')
      }
      if (patch.participants) await assertDrillRefs(tx, actor, next)
      await updateDrill(tx, actor, before, next)
      const after = await findDrillRow(tx, id)
      await recordAudit(tx, actor, {
        entity: 'drill',
        entityId: id,
        action: 'update',
        regionCode: after!.regionCode,
        before: auditedDrill(before),
        after: auditedDrill(after),
      })
      await changed(tx, after!, 'update', before.regionCode)
    })
    return c.json(await drillDetail(db, actor, (await findDrillRow(db, id))!), 200)
  })
  .openapi(runDrillRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const row = await drillForWrite(tx, actor, id, version)
      if (row.status !== 'scheduled') throw badStatus(row, 'scheduled')
      await runDrill(tx, actor, row)
    })
    return c.json(await drillDetail(db, actor, (await findDrillRow(db, id))!), 200)
  })
  .openapi(finishDrillRoute, async (c) => {
    const { id } = c.req.valid('param')
    const form = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const row = await drillForWrite(tx, actor, id, form.version)
      if (row.status !== 'running') throw badStatus(row, 'running')
      await finishDrill(tx, actor, row, form)
    })
    return c.json(await drillDetail(db, actor, (await findDrillRow(db, id))!), 200)
  })
  .openapi(drillReplayRoute, async (c) => {
    const db = c.var.database.db
    const row = await readDrill(db, c.var.actor, c.req.valid('param').id)
    const replay = await drillReplay(db, row)
    if (!replay) throw new HttpProblem(409, 'Conflict', 'The drill has not been run yet.')
    return c.json(replay, 200)
  })
