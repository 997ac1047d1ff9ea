import type { Queryable } from '../../db/database.ts'
import { InvalidInputError, UnknownSubstanceError } from '../../domain/shared/errors.ts'
import { assessHazardSource } from '../../domain/registry/gb18218.ts'
import type { AssessInput } from '../../domain/registry/gb18218-schema.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { createRouter } from '../../lib/openapi.ts'
import { badRequest, HttpProblem } from '../../lib/problem.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { registryRecords } from '../../lib/registry/record-kind.ts'
import { assertWriterRole } from '../../lib/registry/scope.ts'
import {
  findEnterpriseRef,
  findHazardSourceRow,
  hazardSourceDetail,
  insertHazardSource,
  listHazardSources,
  writeHazardSourceUpdate,
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

const records = registryRecords({
  table: 'hazard_sources',
  entity: ENTITY,
  label: 'hazard source',
  find: findHazardSourceRow,
  detail: hazardSourceDetail,
})

export const hazardSourcesRouter = createRouter()
hazardSourcesRouter.use('/hazard-sources', requireActor)
hazardSourcesRouter.use('/hazard-sources/*', requireActor)

hazardSourcesRouter
  .openapi(assessRoute, (c) => c.json(assess(c.req.valid('json')), 200))
  .openapi(listHazardSourcesRoute, async (c) => {
    const fc = await listHazardSources(c.var.reads.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(getHazardSourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await records.readable(c.var.database.db, c.var.actor, id), 200)
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
      await records.recordCreate(tx, actor, id, located.regionCode)
      return id
    })
    return c.json(await records.detailOf(db, actor, id), 201)
  })
  .openapi(updateHazardSourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    // Optimistic: the row is read without a lock, and the write (one statement with its
    // audit entry and event) only lands if the row is still at the version read, so the
    // audit's `before` is exact. Two round trips instead of a transaction's seven (#19).
    const before = await records.checkUpdate(db, actor, id, version)
    if (patch.enterpriseId && patch.enterpriseId !== before.enterpriseId) {
      await assertUsableEnterprise(db, actor, patch.enterpriseId)
    }
    const located = patch.location
      ? await writableLocation(db, actor, patch.location)
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
    const detail = await writeHazardSourceUpdate(db, actor, {
      id,
      version,
      before,
      values: { ...next, ...assessed(assessment) },
      regionCode: located.regionCode,
    })
    // Changed or retired since it was read: the same 409 the read would have given.
    if (!detail) throw await records.conflict(db, actor, id, version)
    return c.json(detail, 200)
  })
  .openapi(retireHazardSourceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    return c.json(await records.retire(c.var.database.db, c.var.actor, id, body), 200)
  })
