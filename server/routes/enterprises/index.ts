import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { recordRegistryChange } from '../../lib/registry/record-change.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { retiredRecord, staleVersion } from '../../lib/registry/conflict.ts'
import { pgErrorCode, UNIQUE_VIOLATION } from '../../lib/registry/db-errors.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { assertReadable, assertWritable, assertWriterRole } from '../../lib/registry/scope.ts'
import { retireChecked } from '../../lib/registry/retire.ts'
import {
  enterpriseDetail,
  findEnterpriseRow,
  insertEnterprise,
  listEnterprises,
  updateEnterprise,
} from './enterprises.queries.ts'
import {
  batchEnterprisesRoute,
  createEnterpriseRoute,
  getEnterpriseRoute,
  listEnterprisesRoute,
  retireEnterpriseRoute,
  updateEnterpriseRoute,
} from './enterprises.routes.ts'
import type { EnterpriseCreate } from './enterprises.schemas.ts'

const ENTITY = 'enterprise'

const duplicateUscc = (field: string) =>
  new HttpProblem(
    422,
    'Unprocessable Content',
    'An enterprise with this USCC is already registered.',
    {
      errors: [{ field, message: 'this 统一社会信用代码 is already registered' }],
    },
  )

async function loadForWrite(tx: Queryable, actor: Actor, id: string) {
  const row = await findEnterpriseRow(tx, id, true)
  if (!row) throw new HttpProblem(404, 'Not Found', 'No enterprise with that id.')
  assertReadable(actor, row.regionCode, 'enterprise')
  assertWritable(actor, row.regionCode)
  return row
}

async function createOne(tx: Queryable, actor: Actor, input: EnterpriseCreate, field = 'location') {
  const located = await writableLocation(tx, actor, input.location, field)
  const id = await insertEnterprise(tx, actor, input, located.regionCode)
  const after = await findEnterpriseRow(tx, id)
  await recordRegistryChange(tx, actor, {
    entity: ENTITY,
    entityId: id,
    action: 'create',
    regionCode: located.regionCode,
    version: 1,
    after,
  })
  return id
}

export const enterprisesRouter = createRouter()
enterprisesRouter.use('/enterprises', requireActor)
enterprisesRouter.use('/enterprises/*', requireActor)

enterprisesRouter
  .openapi(listEnterprisesRoute, async (c) => {
    const fc = await listEnterprises(c.var.database.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getEnterpriseRoute, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.database.db
    const row = await findEnterpriseRow(db, id)
    if (!row) throw new HttpProblem(404, 'Not Found', 'No enterprise with that id.')
    assertReadable(c.var.actor, row.regionCode, 'enterprise')
    return c.json(await enterpriseDetail(db, c.var.actor, row), 200)
  })
  .openapi(createEnterpriseRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const db = c.var.database.db
    try {
      const id = await db.transaction((tx) => createOne(tx, actor, input))
      const row = await findEnterpriseRow(db, id)
      return c.json(await enterpriseDetail(db, actor, row!), 201)
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION) throw duplicateUscc('uscc')
      throw error
    }
  })
  .openapi(batchEnterprisesRoute, async (c) => {
    const { enterprises } = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    let current = 0
    try {
      const ids = await c.var.database.db.transaction(async (tx) => {
        const created: string[] = []
        for (const [i, input] of enterprises.entries()) {
          current = i
          created.push(await createOne(tx, actor, input, `enterprises.${i}.location`))
        }
        return created
      })
      return c.json({ ids }, 201)
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION)
        throw duplicateUscc(`enterprises.${current}.uscc`)
      throw error
    }
  })
  .openapi(updateEnterpriseRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    try {
      await db.transaction(async (tx) => {
        const before = await loadForWrite(tx, actor, id)
        if (before.retiredAt) throw retiredRecord()
        if (before.version !== version) {
          throw staleVersion(version, await enterpriseDetail(tx, actor, before))
        }
        const { lng, lat, ...stored } = before
        const next = { ...stored, location: [lng, lat] as [number, number], ...patch }
        const located = patch.location
          ? await writableLocation(tx, actor, patch.location)
          : { regionCode: before.regionCode }
        await updateEnterprise(tx, actor, id, next, located.regionCode)
        const after = await findEnterpriseRow(tx, id)
        await recordRegistryChange(tx, actor, {
          entity: ENTITY,
          entityId: id,
          action: 'update',
          regionCode: located.regionCode,
          version: version + 1,
          previousRegionCode: before.regionCode,
          before,
          after,
        })
      })
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION) throw duplicateUscc('uscc')
      throw error
    }
    const row = await findEnterpriseRow(db, id)
    return c.json(await enterpriseDetail(db, actor, row!), 200)
  })
  .openapi(retireEnterpriseRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, reason } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction((tx) =>
      retireChecked(tx, actor, id, version, reason, {
        table: 'enterprises',
        entity: ENTITY,
        loadForWrite,
        current: (tx, row) => enterpriseDetail(tx, actor, row),
        find: findEnterpriseRow,
      }),
    )
    const row = await findEnterpriseRow(db, id)
    return c.json(await enterpriseDetail(db, actor, row!), 200)
  })
