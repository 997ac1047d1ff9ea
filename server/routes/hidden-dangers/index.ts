import type { Queryable } from '../../db/database.ts'
import { transitionError } from '../../domain/registry/danger-status.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { createRouter } from '../../lib/openapi.ts'
import type { FieldError } from '../../lib/problem.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { registryRecords } from '../../lib/registry/record-kind.ts'
import { assertWriterRole } from '../../lib/registry/scope.ts'
import {
  dangerDetail,
  enterpriseIndustry,
  findDangerRow,
  findReadableEnterprise,
  insertDanger,
  listDangers,
  sourceBelongsTo,
  updateDanger,
  type DangerValues,
} from './hidden-dangers.queries.ts'
import {
  createHiddenDangerRoute,
  getHiddenDangerRoute,
  listHiddenDangersRoute,
  retireHiddenDangerRoute,
  updateHiddenDangerRoute,
} from './hidden-dangers.routes.ts'
import { classify, dateErrors, ruleViolation } from './hidden-dangers.rules.ts'

const ENTITY = 'hidden_danger'

const records = registryRecords({
  table: 'hidden_dangers',
  entity: ENTITY,
  label: 'hidden danger',
  find: findDangerRow,
  detail: dangerDetail,
})

/** The rules a stored danger must meet, checked on create and on the merged update. */
async function checkRules(
  tx: Queryable,
  enterpriseId: string,
  industry: string,
  v: DangerValues,
  sourceChanged: boolean,
): Promise<DangerValues> {
  const { value, errors } = classify(v, industry)
  const all: FieldError[] = [...errors, ...dateErrors(v.foundOn, v.deadline)]
  if (
    sourceChanged &&
    v.hazardSourceId &&
    !(await sourceBelongsTo(tx, v.hazardSourceId, enterpriseId))
  ) {
    all.push({
      field: 'hazardSourceId',
      message: 'no hazard source of this enterprise has that id',
    })
  }
  if (all.length > 0) throw ruleViolation(all)
  return { ...v, ...value }
}

export const hiddenDangersRouter = createRouter()
hiddenDangersRouter.use('/hidden-dangers', requireActor)
hiddenDangersRouter.use('/hidden-dangers/*', requireActor)

hiddenDangersRouter
  .openapi(listHiddenDangersRoute, async (c) => {
    const fc = await listDangers(c.var.reads.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getHiddenDangerRoute, async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await records.readable(c.var.database.db, c.var.actor, id), 200)
  })
  .openapi(createHiddenDangerRoute, async (c) => {
    const { enterpriseId, location, ...input } = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const db = c.var.database.db
    const id = await db.transaction(async (tx) => {
      const enterprise = await findReadableEnterprise(tx, actor, enterpriseId)
      if (!enterprise) {
        throw ruleViolation([
          {
            field: 'enterpriseId',
            message: 'no live enterprise with that id in your jurisdiction',
          },
        ])
      }
      const values = await checkRules(
        tx,
        enterpriseId,
        enterprise.industry,
        {
          ...input,
          hazardSourceId: input.hazardSourceId ?? null,
          majorListId: input.majorListId ?? null,
          majorItem: input.majorItem ?? null,
          status: 'open',
          location: location ?? enterprise.location,
        },
        true,
      )
      const located = await writableLocation(tx, actor, values.location)
      const newId = await insertDanger(tx, actor, enterpriseId, values, located.regionCode)
      await records.recordCreate(tx, actor, newId, located.regionCode)
      return newId
    })
    return c.json(await records.detailOf(db, actor, id), 201)
  })
  .openapi(updateHiddenDangerRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await records.beginUpdate(tx, actor, id, version)
      if (patch.status && patch.status !== before.status) {
        const refused = transitionError(before.status, patch.status)
        if (refused) throw ruleViolation([{ field: 'status', message: refused }])
      }
      const { lng, lat } = before
      const merged: DangerValues = {
        hazardSourceId: before.hazardSourceId,
        title: before.title,
        description: before.description,
        severity: before.severity,
        majorListId: before.majorListId,
        majorItem: before.majorItem,
        foundOn: before.foundOn,
        deadline: before.deadline,
        responsiblePerson: before.responsiblePerson,
        status: before.status,
        location: [Number(lng), Number(lat)],
        ...patch,
      }
      // Downgrading to general drops the list item unless the client says otherwise.
      if (patch.severity === 'general' && patch.majorItem === undefined) {
        merged.majorItem = null
        if (patch.majorListId === undefined) merged.majorListId = null
      }
      const industry = await enterpriseIndustry(tx, before.enterpriseId)
      const sourceChanged = merged.hazardSourceId !== before.hazardSourceId
      const values = await checkRules(tx, before.enterpriseId, industry, merged, sourceChanged)
      const located = patch.location
        ? await writableLocation(tx, actor, patch.location)
        : { regionCode: before.regionCode }
      await updateDanger(tx, actor, id, values, located.regionCode)
      await records.recordUpdate(tx, actor, { id, before, version, regionCode: located.regionCode })
    })
    return c.json(await records.detailOf(db, actor, id), 200)
  })
  .openapi(retireHiddenDangerRoute, async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    return c.json(await records.retire(c.var.database.db, c.var.actor, id, body), 200)
  })
