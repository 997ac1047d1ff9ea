import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import type { PlanLevel } from '../../domain/plans/index.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { recordAudit, type AuditAction } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { staleVersion } from '../../lib/registry/conflict.ts'
import { assertWritable } from '../../lib/registry/scope.ts'
import { unprocessable } from '../incidents/incidents.update.ts'
import { canReadPlan, findPlan, listVersions } from './plans.queries.ts'
import type { PlanSummary } from './plans.schemas.ts'

export const ENTITY = 'plan'

/** The plan with its versions, or 404 when it does not exist or the actor may not read it. */
export async function planDetailOr404(db: Queryable, actor: Actor, id: string, lock = false) {
  const plan = await findPlan(db, actor, id, lock)
  if (!plan || !canReadPlan(actor, plan))
    throw new HttpProblem(404, 'Not Found', 'No plan with that id.')
  const { retired, ...summary } = plan
  return { ...summary, retired, versions: await listVersions(db, id) }
}

/** The plan locked for a write: 404 unseen, 403 read-only or outside, 409 stale or retired. */
export async function loadPlanForWrite(tx: Queryable, actor: Actor, id: string, version?: number) {
  const plan = await planDetailOr404(tx, actor, id, true)
  assertWritable(actor, plan.regionCode)
  if (plan.retired) throw new HttpProblem(409, 'Conflict', 'This plan has been retired.')
  if (version !== undefined && plan.version !== version) {
    const { retired: _r, ...current } = plan
    throw staleVersion(version, current)
  }
  return plan
}

/** The region's level must be the plan's level (national is 100000). */
export async function assertRegionLevel(tx: Queryable, level: PlanLevel, regionCode: string) {
  const r = await tx.execute(sql`select level from regions where code = ${regionCode}`)
  const found = (r.rows[0] as { level: string } | undefined)?.level
  if (!found) throw unprocessable('regionCode', 'no region with this code', 'invalid_value')
  if (found !== level) {
    throw unprocessable(
      'regionCode',
      `a ${level} plan needs a ${level} region, not a ${found}`,
      'invalid_value',
    )
  }
}

/** The enterprise a plan belongs to: readable and not retired. */
export async function enterpriseOf(tx: Queryable, actor: Actor, id: string) {
  const r =
    await tx.execute(sql`select region_code as "regionCode", retired_at is not null as retired
    from enterprises where id = ${id}`)
  const row = r.rows[0] as { regionCode: string; retired: boolean } | undefined
  if (!row || !isWithinJurisdiction(actor.scopePrefix, row.regionCode)) {
    throw unprocessable(
      'enterpriseId',
      'no enterprise with this id in your jurisdiction',
      'not_in_jurisdiction',
    )
  }
  if (row.retired)
    throw unprocessable('enterpriseId', 'this enterprise has been retired', 'retired')
  return row
}

/** Hazard sources must be readable and, for an enterprise plan, that enterprise's. */
export async function assertHazardSources(
  tx: Queryable,
  actor: Actor,
  ids: readonly string[],
  enterpriseId: string | null,
) {
  for (const [i, id] of ids.entries()) {
    const r =
      await tx.execute(sql`select region_code as "regionCode", enterprise_id as "enterpriseId"
      from hazard_sources where id = ${id} and retired_at is null`)
    const row = r.rows[0] as { regionCode: string; enterpriseId: string } | undefined
    if (!row || !isWithinJurisdiction(actor.scopePrefix, row.regionCode)) {
      throw unprocessable(
        `hazardSourceIds.${i}`,
        'no hazard source with this id in your jurisdiction',
        'not_in_jurisdiction',
      )
    }
    if (enterpriseId !== null && row.enterpriseId !== enterpriseId) {
      throw unprocessable(
        `hazardSourceIds.${i}`,
        "not one of this plan's enterprise's hazard sources",
        'invalid_value',
      )
    }
  }
}

/** The audit entry and the `plan.changed` event of a plan write, in the caller's transaction. */
export async function planWritten(
  tx: Queryable,
  actor: Actor,
  plan: Pick<PlanSummary, 'id' | 'regionCode'>,
  change: {
    action: AuditAction
    entity?: string
    entityId?: string
    before?: unknown
    after?: unknown
    what: string
  },
) {
  await recordAudit(tx, actor, {
    entity: change.entity ?? ENTITY,
    entityId: change.entityId ?? plan.id,
    action: change.action,
    regionCode: plan.regionCode,
    before: change.before,
    after: change.after,
  })
  await publishEvent(tx, {
    type: 'plan.changed',
    regionCode: plan.regionCode,
    entity: ENTITY,
    entityId: plan.id,
    payload: { what: change.what },
  })
}
