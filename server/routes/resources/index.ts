import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { recordRegistryChange } from '../../lib/registry/record-change.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem, type FieldError } from '../../lib/problem.ts'
import { retiredRecord, staleVersion } from '../../lib/registry/conflict.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { retireChecked } from '../../lib/registry/retire.ts'
import { assertReadable, assertWritable, assertWriterRole } from '../../lib/registry/scope.ts'
import {
  findResourceRow,
  insertResource,
  listResources,
  resourceDetail,
  updateResource,
  type ResourceValues,
} from './resources.queries.ts'
import {
  createResourceRoute,
  getResourceRoute,
  listResourcesRoute,
  retireResourceRoute,
  updateResourceRoute,
} from './resources.routes.ts'

const ENTITY = 'resource'
const notFound = () => new HttpProblem(404, 'Not Found', 'No resource with that id.')

/**
 * Rules across fields, checked on create and on the merged update: only warehouses hold an
 * inventory (a team's kit is its capabilities), and a shelter states how many people it takes.
 */
function checkRules(v: ResourceValues): void {
  const errors: FieldError[] = []
  if (v.kind !== 'warehouse' && v.inventory.length > 0) {
    errors.push({
      field: 'inventory',
      message: `only a warehouse has an inventory, not a ${v.kind}`,
    })
  }
  if (v.kind === 'shelter' && v.capacity === null) {
    errors.push({ field: 'capacity', message: 'a shelter must state its capacity (people)' })
  }
  if (errors.length > 0) {
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      { errors },
    )
  }
}

async function loadForWrite(tx: Queryable, actor: Actor, id: string) {
  const row = await findResourceRow(tx, id, true)
  if (!row) throw notFound()
  assertReadable(actor, row.regionCode, 'resource')
  assertWritable(actor, row.regionCode)
  return row
}

export const resourcesRouter = createRouter()
resourcesRouter.use('/resources', requireActor)
resourcesRouter.use('/resources/*', requireActor)

resourcesRouter
  .openapi(listResourcesRoute, async (c) => {
    const fc = await listResources(c.var.database.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getResourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const row = await findResourceRow(c.var.database.db, id)
    if (!row) throw notFound()
    assertReadable(c.var.actor, row.regionCode, 'resource')
    return c.json(resourceDetail(c.var.actor, row), 200)
  })
  .openapi(createResourceRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    checkRules(input)
    const db = c.var.database.db
    const id = await db.transaction(async (tx) => {
      const located = await writableLocation(tx, actor, input.location)
      const newId = await insertResource(tx, actor, input, located.regionCode)
      await recordRegistryChange(tx, actor, {
        entity: ENTITY,
        entityId: newId,
        action: 'create',
        regionCode: located.regionCode,
        version: 1,
        after: await findResourceRow(tx, newId),
      })
      return newId
    })
    const row = await findResourceRow(db, id)
    return c.json(resourceDetail(actor, row!), 201)
  })
  .openapi(updateResourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await loadForWrite(tx, actor, id)
      if (before.retiredAt) throw retiredRecord()
      if (before.version !== version) {
        throw staleVersion(version, resourceDetail(actor, before))
      }
      const { lng, lat } = before
      const next: ResourceValues = {
        kind: before.kind,
        name: before.name,
        category: before.category,
        capabilities: before.capabilities,
        inventory: before.inventory,
        capacity: before.capacity,
        headcount: before.headcount,
        contactName: before.contactName,
        contactPhone: before.contactPhone,
        status: before.status,
        location: [Number(lng), Number(lat)],
        ...patch,
      }
      checkRules(next)
      const located = patch.location
        ? await writableLocation(tx, actor, patch.location)
        : { regionCode: before.regionCode }
      await updateResource(tx, actor, id, next, located.regionCode)
      await recordRegistryChange(tx, actor, {
        entity: ENTITY,
        entityId: id,
        action: 'update',
        regionCode: located.regionCode,
        version: version + 1,
        previousRegionCode: before.regionCode,
        before,
        after: await findResourceRow(tx, id),
      })
      if (next.status !== before.status)
        await publishEvent(tx, {
          type: 'resource.status',
          regionCode: located.regionCode,
          entity: ENTITY,
          entityId: id,
          payload: { status: next.status, previous: before.status, version: version + 1 },
        })
    })
    const row = await findResourceRow(db, id)
    return c.json(resourceDetail(actor, row!), 200)
  })
  .openapi(retireResourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, reason } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction((tx) =>
      retireChecked(tx, actor, id, version, reason, {
        table: 'resources',
        entity: ENTITY,
        loadForWrite,
        current: (_tx, row) => resourceDetail(actor, row),
        find: findResourceRow,
      }),
    )
    const row = await findResourceRow(db, id)
    return c.json(resourceDetail(actor, row!), 200)
  })
