import { requireActor } from '../../lib/auth/middleware.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem, type FieldError } from '../../lib/problem.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { registryRecords } from '../../lib/registry/record-kind.ts'
import { assertWriterRole } from '../../lib/registry/scope.ts'
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

const records = registryRecords({
  table: 'resources',
  entity: ENTITY,
  label: 'resource',
  find: findResourceRow,
  detail: (_db, actor, row) => resourceDetail(actor, row),
})

export const resourcesRouter = createRouter()
resourcesRouter.use('/resources', requireActor)
resourcesRouter.use('/resources/*', requireActor)

resourcesRouter
  .openapi(listResourcesRoute, async (c) => {
    const fc = await listResources(c.var.reads.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getResourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await records.readable(c.var.database.db, c.var.actor, id), 200)
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
      await records.recordCreate(tx, actor, newId, located.regionCode)
      return newId
    })
    return c.json(await records.detailOf(db, actor, id), 201)
  })
  .openapi(updateResourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await records.beginUpdate(tx, actor, id, version)
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
      await records.recordUpdate(tx, actor, { id, before, version, regionCode: located.regionCode })
      if (next.status !== before.status)
        await publishEvent(tx, {
          type: 'resource.status',
          regionCode: located.regionCode,
          entity: ENTITY,
          entityId: id,
          payload: { status: next.status, previous: before.status, version: version + 1 },
        })
    })
    return c.json(await records.detailOf(db, actor, id), 200)
  })
  .openapi(retireResourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    return c.json(await records.retire(c.var.database.db, c.var.actor, id, body), 200)
  })
