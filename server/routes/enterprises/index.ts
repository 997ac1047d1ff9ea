import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { pgErrorCode, UNIQUE_VIOLATION } from '../../lib/registry/db-errors.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { assertWriterRole } from '../../lib/registry/scope.ts'
import { registryRecords } from '../../lib/registry/record-kind.ts'
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

const records = registryRecords({
  table: 'enterprises',
  entity: ENTITY,
  label: 'enterprise',
  find: findEnterpriseRow,
  detail: enterpriseDetail,
})

async function createOne(tx: Queryable, actor: Actor, input: EnterpriseCreate, field = 'location') {
  const located = await writableLocation(tx, actor, input.location, field)
  const id = await insertEnterprise(tx, actor, input, located.regionCode)
  await records.recordCreate(tx, actor, id, located.regionCode)
  return id
}

export const enterprisesRouter = createRouter()
enterprisesRouter.use('/enterprises', requireActor)
enterprisesRouter.use('/enterprises/*', requireActor)

enterprisesRouter
  .openapi(listEnterprisesRoute, async (c) => {
    const fc = await listEnterprises(c.var.reads.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getEnterpriseRoute, async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await records.readable(c.var.database.db, c.var.actor, id), 200)
  })
  .openapi(createEnterpriseRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const db = c.var.database.db
    try {
      const id = await db.transaction((tx) => createOne(tx, actor, input))
      return c.json(await records.detailOf(db, actor, id), 201)
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
        const before = await records.beginUpdate(tx, actor, id, version)
        const { lng, lat, ...stored } = before
        const next = { ...stored, location: [lng, lat] as [number, number], ...patch }
        const located = patch.location
          ? await writableLocation(tx, actor, patch.location)
          : { regionCode: before.regionCode }
        await updateEnterprise(tx, actor, id, next, located.regionCode)
        await records.recordUpdate(tx, actor, {
          id,
          before,
          version,
          regionCode: located.regionCode,
        })
      })
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION) throw duplicateUscc('uscc')
      throw error
    }
    return c.json(await records.detailOf(db, actor, id), 200)
  })
  .openapi(retireEnterpriseRoute, async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    return c.json(await records.retire(c.var.database.db, c.var.actor, id, body), 200)
  })
