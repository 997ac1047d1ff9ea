import type { Queryable } from '../../db/database.ts'
import { transitionError } from '../../domain/danger-status.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { recordRegistryChange } from '../../lib/registry/record-change.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem, type FieldError } from '../../lib/problem.ts'
import { retiredRecord, staleVersion } from '../../lib/registry/conflict.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { retireChecked } from '../../lib/registry/retire.ts'
import { assertReadable, assertWritable, assertWriterRole } from '../../lib/registry/scope.ts'
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
const notFound = () => new HttpProblem(404, 'Not Found', 'No hidden danger with that id.')

async function loadForWrite(tx: Queryable, actor: Actor, id: string) {
  const row = await findDangerRow(tx, id, true)
  if (!row) throw notFound()
  assertReadable(actor, row.regionCode, 'hidden danger')
  assertWritable(actor, row.regionCode)
  return row
}

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
    const fc = await listDangers(c.var.database.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getHiddenDangerRoute, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.database.db
    const row = await findDangerRow(db, id)
    if (!row) throw notFound()
    assertReadable(c.var.actor, row.regionCode, 'hidden danger')
    return c.json(await dangerDetail(db, c.var.actor, row), 200)
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
      await recordRegistryChange(tx, actor, {
        entity: ENTITY,
        entityId: newId,
        action: 'create',
        regionCode: located.regionCode,
        version: 1,
        after: await findDangerRow(tx, newId),
      })
      return newId
    })
    const row = await findDangerRow(db, id)
    return c.json(await dangerDetail(db, actor, row!), 201)
  })
  .openapi(updateHiddenDangerRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await loadForWrite(tx, actor, id)
      if (before.retiredAt) throw retiredRecord()
      if (before.version !== version) {
        throw staleVersion(version, await dangerDetail(tx, actor, before))
      }
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
      await recordRegistryChange(tx, actor, {
        entity: ENTITY,
        entityId: id,
        action: 'update',
        regionCode: located.regionCode,
        version: version + 1,
        previousRegionCode: before.regionCode,
        before,
        after: await findDangerRow(tx, id),
      })
    })
    const row = await findDangerRow(db, id)
    return c.json(await dangerDetail(db, actor, row!), 200)
  })
  .openapi(retireHiddenDangerRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, reason } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction((tx) =>
      retireChecked(tx, actor, id, version, reason, {
        table: 'hidden_dangers',
        entity: ENTITY,
        loadForWrite,
        current: (tx, row) => dangerDetail(tx, actor, row),
        find: findDangerRow,
      }),
    )
    const row = await findDangerRow(db, id)
    return c.json(await dangerDetail(db, actor, row!), 200)
  })
