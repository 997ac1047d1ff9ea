import { sql } from 'drizzle-orm'
import {
  canMoveVersion,
  chinaDate,
  putInForce,
  reviewDueDate,
  sideBySide,
  stepsSideBySide,
} from '../../domain/plans/index.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { staleVersion } from '../../lib/registry/conflict.ts'
import { assertWritable, assertWriterRole } from '../../lib/registry/scope.ts'
import { unprocessable } from '../incidents/incidents.update.ts'
import { importBody } from './plans.import.ts'
import {
  findAttachment,
  findVersion,
  insertPlan,
  insertVersion,
  listPlans,
  touchPlan,
} from './plans.queries.ts'
import {
  attachmentRoute,
  createPlanRoute,
  createVersionRoute,
  diffRoute,
  getPlanRoute,
  importRoute,
  listPlansRoute,
  updatePlanRoute,
  versionStatusRoute,
} from './plans.routes.ts'
import {
  assertHazardSources,
  assertRegionLevel,
  enterpriseOf,
  loadPlanForWrite,
  planDetailOr404,
  planWritten,
} from './plans.write.ts'

const detail = async (...args: Parameters<typeof planDetailOr404>) => {
  const { retired: _retired, ...plan } = await planDetailOr404(...args)
  return plan
}

export const plansRouter = createRouter()
plansRouter.use('/plans', requireActor)
plansRouter.use('/plans/*', requireActor)

plansRouter
  .openapi(listPlansRoute, async (c) => {
    const plans = await listPlans(c.var.database.db, c.var.actor, c.req.valid('query'))
    return c.json({ plans }, 200)
  })
  .openapi(getPlanRoute, async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await detail(c.var.database.db, c.var.actor, id), 200)
  })
  .openapi(createPlanRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const db = c.var.database.db
    const id = await db.transaction(async (tx) => {
      let regionCode: string
      let enterpriseId: string | null = null
      if (input.level === 'enterprise') {
        if (!input.enterpriseId) {
          throw unprocessable('enterpriseId', 'an enterprise plan needs its enterprise', 'required')
        }
        enterpriseId = input.enterpriseId
        regionCode = (await enterpriseOf(tx, actor, enterpriseId)).regionCode
      } else {
        if (!input.regionCode) {
          throw unprocessable('regionCode', `a ${input.level} plan needs its region`, 'required')
        }
        regionCode = input.regionCode
        assertWritable(actor, regionCode)
        await assertRegionLevel(tx, input.level, regionCode)
      }
      assertWritable(actor, regionCode)
      await assertHazardSources(tx, actor, input.hazardSourceIds, enterpriseId)
      const id = await insertPlan(tx, actor, { ...input, enterpriseId, regionCode })
      await insertVersion(tx, actor, id, input)
      const after = await detail(tx, actor, id)
      await planWritten(tx, actor, after, { action: 'create', after, what: 'created' })
      return id
    })
    return c.json(await detail(db, actor, id), 201)
  })
  .openapi(updatePlanRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...patch } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await loadPlanForWrite(tx, actor, id, version)
      const next = { ...before, ...patch }
      if (patch.hazardSourceIds) {
        await assertHazardSources(tx, actor, patch.hazardSourceIds, before.enterpriseId)
      }
      await tx.execute(sql`update plans set title = ${next.title},
        incident_types = ${JSON.stringify(next.incidentTypes)}::jsonb,
        substances = ${JSON.stringify(next.substances)}::jsonb,
        hazard_source_ids = ${JSON.stringify(next.hazardSourceIds)}::jsonb,
        review_cycle_years = ${next.reviewCycleYears} where id = ${id}`)
      await touchPlan(tx, actor, id)
      const { versions: _v, retired: _r, ...plan } = before
      await planWritten(tx, actor, before, {
        action: 'update',
        before: plan,
        after: { ...plan, ...patch },
        what: 'updated',
      })
    })
    return c.json(await detail(db, actor, id), 200)
  })
  .openapi(createVersionRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...content } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const plan = await loadPlanForWrite(tx, actor, id, version)
      const number = await insertVersion(tx, actor, id, content)
      await touchPlan(tx, actor, id)
      await planWritten(tx, actor, plan, {
        action: 'create',
        entity: 'plan_version',
        entityId: `${id}#${number}`,
        after: { number, ...content },
        what: 'version',
      })
    })
    return c.json(await detail(db, actor, id), 201)
  })
  .openapi(versionStatusRoute, async (c) => {
    const { id, number } = c.req.valid('param')
    const { version, status, inForceFrom } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const plan = await loadPlanForWrite(tx, actor, id)
      const target = await findVersion(tx, id, number, true)
      if (!target) throw new HttpProblem(404, 'Not Found', `This plan has no version ${number}.`)
      if (target.version !== version) throw staleVersion(version, target)
      if (!canMoveVersion(target.status, status)) {
        throw unprocessable(
          'status',
          `cannot go from ${target.status} to ${status}`,
          'bad_transition',
        )
      }
      const changes =
        status === 'in_force'
          ? putInForce(plan.versions, target.id)
          : [{ id: target.id, from: target.status, to: status }]
      const from = inForceFrom ?? chinaDate(new Date())
      // The one in force before goes first: the partial unique index allows one in force.
      for (const ch of changes) {
        if (ch.to === 'superseded') {
          await tx.execute(sql`update plan_versions set status = 'superseded', superseded_at = now(),
            version = version + 1, updated_at = now(), updated_by = ${actor.id} where id = ${ch.id}`)
        } else if (ch.to === 'approved') {
          await tx.execute(sql`update plan_versions set status = 'approved', approved_at = now(),
            approved_by = ${actor.username}, version = version + 1, updated_at = now(),
            updated_by = ${actor.id} where id = ${ch.id}`)
        } else {
          await tx.execute(sql`update plan_versions set status = 'in_force', in_force_from = ${from},
            review_due = ${reviewDueDate(from, plan.reviewCycleYears)}, version = version + 1,
            updated_at = now(), updated_by = ${actor.id} where id = ${ch.id}`)
        }
      }
      await touchPlan(tx, actor, id)
      await planWritten(tx, actor, plan, {
        action: 'update',
        entity: 'plan_version',
        entityId: `${id}#${number}`,
        before: { status: target.status },
        after: { status, changes, ...(status === 'in_force' ? { inForceFrom: from } : {}) },
        what: status,
      })
    })
    return c.json(await detail(db, actor, id), 200)
  })
  .openapi(attachmentRoute, async (c) => {
    const { id, number } = c.req.valid('param')
    const db = c.var.database.db
    await planDetailOr404(db, c.var.actor, id)
    const file = await findAttachment(db, id, number)
    if (!file) throw new HttpProblem(404, 'Not Found', 'This version has no attachment.')
    const name = encodeURIComponent(file.name)
    return c.body(Buffer.from(file.base64, 'base64'), 200, {
      'content-type': file.mediaType,
      'content-disposition': `attachment; filename*=UTF-8''${name}`,
    }) as never
  })
  .openapi(diffRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { from, to } = c.req.valid('query')
    const plan = await planDetailOr404(c.var.database.db, c.var.actor, id)
    const a = plan.versions.find((v) => v.number === from)
    const b = plan.versions.find((v) => v.number === to)
    if (!a || !b) throw new HttpProblem(404, 'Not Found', 'This plan has no such version.')
    return c.json(
      {
        from,
        to,
        body: sideBySide(a.body, b.body),
        steps: stepsSideBySide(a.steps, b.steps),
      },
      200,
    )
  })
  .openapi(importRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, fileName, mediaType, base64 } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    const { body, attachment } = await importBody(fileName, mediaType, base64)
    await db.transaction(async (tx) => {
      const plan = await loadPlanForWrite(tx, actor, id, version)
      // The new draft keeps the latest version's structured content; the body is the file's.
      const latest = plan.versions[0]
      const content = {
        responseLevels: latest?.responseLevels ?? [],
        steps: latest?.steps ?? [],
        contacts: latest?.contacts ?? [],
        body,
        note: `导入 ${fileName}`,
      }
      const number = await insertVersion(tx, actor, id, content, attachment)
      await touchPlan(tx, actor, id)
      await planWritten(tx, actor, plan, {
        action: 'create',
        entity: 'plan_version',
        entityId: `${id}#${number}`,
        after: { number, imported: { name: fileName, mediaType, size: attachment.size } },
        what: 'import',
      })
    })
    return c.json(await detail(db, actor, id), 201)
  })
