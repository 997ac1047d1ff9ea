import type { Queryable } from '../../db/database.ts'
import { InvalidInputError, UnknownSubstanceError } from '../../domain/errors.ts'
import { assessHazardSource } from '../../domain/gb18218.ts'
import type { AssessInput } from '../../domain/gb18218-schema.ts'
import { isWithinJurisdiction } from '../../domain/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { recordRegistryChange } from '../../lib/registry/record-change.ts'
import { createRouter } from '../../lib/openapi.ts'
import { badRequest, HttpProblem } from '../../lib/problem.ts'
import { retiredRecord, staleVersion } from '../../lib/registry/conflict.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { retireChecked } from '../../lib/registry/retire.ts'
import { assertReadable, assertWritable, assertWriterRole } from '../../lib/registry/scope.ts'
import {
  findEnterpriseRef,
  findHazardSourceRow,
  hazardSourceDetail,
  insertHazardSource,
  listHazardSources,
  updateHazardSource,
  type HazardSourceValues,
} from './hazard-sources.queries.ts'
import {
  assessRoute,
  createHazardSourceRoute,
  getHazardSourceRoute,
  listHazardSourcesRoute,
  retireHazardSourceRoute,
  updateHazardSourceRoute,
} from './hazard-sources.routes.ts'
import type { AssessmentResult } from './hazard-sources.schemas.ts'

const ENTITY = 'hazard_source'
const WHAT = 'hazard source'

/** The domain names fields `substances[2].category`; the API (like zod) says `substances.2.category`. */
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, '.$1')

/** GB 18218 assessment with the domain's errors turned into problem+json. */
export function assess(input: AssessInput): AssessmentResult {
  try {
    const result = assessHazardSource(input)
    return { ...result, terms: [...result.terms] }
  } catch (error) {
    if (error instanceof UnknownSubstanceError) {
      const field = dotted(error.field)
      throw new HttpProblem(422, 'Unprocessable Content', dotted(error.message), {
        errors: [{ field, message: dotted(error.message) }],
      })
    }
    if (error instanceof InvalidInputError) {
      throw badRequest([{ field: dotted(error.field), message: dotted(error.message) }])
    }
    throw error
  }
}

/** The unit's enterprise must exist, be in the actor's jurisdiction and not be retired. */
async function assertUsableEnterprise(tx: Queryable, actor: Actor, enterpriseId: string) {
  const enterprise = await findEnterpriseRef(tx, enterpriseId)
  const problem = (message: string) =>
    new HttpProblem(422, 'Unprocessable Content', message, {
      errors: [{ field: 'enterpriseId', message }],
    })
  if (!enterprise || !isWithinJurisdiction(actor.scopePrefix, enterprise.regionCode)) {
    throw problem('no enterprise with this id in your jurisdiction')
  }
  if (enterprise.retired) throw problem('this enterprise has been retired')
}

const assessed = (a: AssessmentResult) => ({
  s: a.S,
  r: a.R,
  alpha: a.alpha,
  grade: a.grade,
  isMajor: a.isMajor,
  assessment: a,
})

async function loadForWrite(tx: Queryable, actor: Actor, id: string) {
  const row = await findHazardSourceRow(tx, id, true)
  if (!row) throw new HttpProblem(404, 'Not Found', `No ${WHAT} with that id.`)
  assertReadable(actor, row.regionCode, WHAT)
  assertWritable(actor, row.regionCode)
  return row
}

export const hazardSourcesRouter = createRouter()
hazardSourcesRouter.use('/hazard-sources', requireActor)
hazardSourcesRouter.use('/hazard-sources/*', requireActor)

hazardSourcesRouter
  .openapi(assessRoute, (c) => c.json(assess(c.req.valid('json')), 200))
  .openapi(listHazardSourcesRoute, async (c) => {
    const fc = await listHazardSources(c.var.database.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getHazardSourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.database.db
    const row = await findHazardSourceRow(db, id)
    if (!row) throw new HttpProblem(404, 'Not Found', `No ${WHAT} with that id.`)
    assertReadable(c.var.actor, row.regionCode, WHAT)
    return c.json(await hazardSourceDetail(db, c.var.actor, row), 200)
  })
  .openapi(createHazardSourceRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const assessment = assess(input)
    const db = c.var.database.db
    const id = await db.transaction(async (tx) => {
      await assertUsableEnterprise(tx, actor, input.enterpriseId)
      const located = await writableLocation(tx, actor, input.location)
      const values: HazardSourceValues = { ...input, ...assessed(assessment) }
      const id = await insertHazardSource(tx, actor, values, located.regionCode)
      const after = await findHazardSourceRow(tx, id)
      await recordRegistryChange(tx, actor, {
        entity: ENTITY,
        entityId: id,
        action: 'create',
        regionCode: located.regionCode,
        version: 1,
        after,
      })
      return id
    })
    const row = await findHazardSourceRow(db, id)
    return c.json(await hazardSourceDetail(db, actor, row!), 201)
  })
  .openapi(updateHazardSourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await loadForWrite(tx, actor, id)
      if (before.retiredAt) throw retiredRecord()
      if (before.version !== version) {
        throw staleVersion(version, await hazardSourceDetail(tx, actor, before))
      }
      if (patch.enterpriseId && patch.enterpriseId !== before.enterpriseId) {
        await assertUsableEnterprise(tx, actor, patch.enterpriseId)
      }
      const located = patch.location
        ? await writableLocation(tx, actor, patch.location)
        : { regionCode: before.regionCode }
      const { lng, lat, ...stored } = before
      const next = { ...stored, location: [lng, lat] as [number, number], ...patch }
      // Reassess whenever what the grade depends on changes; otherwise keep the stored result.
      const reassess = patch.substances !== undefined || patch.peopleWithin500m !== undefined
      const assessment = reassess
        ? assess({
            // Stored substances passed the same validation when they were written.
            substances: next.substances as AssessInput['substances'],
            peopleWithin500m: next.peopleWithin500m,
          })
        : before.assessment
      await updateHazardSource(
        tx,
        actor,
        id,
        { ...next, ...assessed(assessment) },
        located.regionCode,
      )
      const after = await findHazardSourceRow(tx, id)
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
    const row = await findHazardSourceRow(db, id)
    return c.json(await hazardSourceDetail(db, actor, row!), 200)
  })
  .openapi(retireHazardSourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, reason } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction((tx) =>
      retireChecked(tx, actor, id, version, reason, {
        table: 'hazard_sources',
        entity: ENTITY,
        loadForWrite,
        current: (tx, row) => hazardSourceDetail(tx, actor, row),
        find: findHazardSourceRow,
      }),
    )
    const row = await findHazardSourceRow(db, id)
    return c.json(await hazardSourceDetail(db, actor, row!), 200)
  })
