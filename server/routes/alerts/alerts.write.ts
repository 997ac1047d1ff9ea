import type { Queryable } from '../../db/database.ts'
import type { AlertArea } from '../../domain/alerts/index.ts'
import { canWriteRegistry, isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { recordAudit, type AuditAction } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { assertWritable } from '../../lib/registry/scope.ts'
import {
  canReadAlert,
  ENTITY,
  findAlertRow,
  type AlertRow,
  type ResolvedArea,
} from './alerts.queries.ts'

const WHAT = 'alert'

export const notFoundAlert = () => new HttpProblem(404, 'Not Found', `No ${WHAT} with that id.`)

export const unprocessable = (field: string, message: string, code: string) =>
  new HttpProblem(422, 'Unprocessable Content', message, { errors: [{ field, code, message }] })

/** Whole seconds: CAP times carry no fractions, so what we store is what CAP says. */
export const toSecond = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000)

export const canWriteAlert = (actor: Actor, row: Pick<AlertRow, 'regionCode'>) =>
  canWriteRegistry(actor.role) && isWithinJurisdiction(actor.scopePrefix, row.regionCode)

/** The alert, locked, after the 404-unreadable and 403-not-writable checks. */
export async function loadAlertForWrite(tx: Queryable, actor: Actor, id: string) {
  const row = await findAlertRow(tx, id, true)
  if (!row || !canReadAlert(actor, row)) throw notFoundAlert()
  assertWritable(actor, row.regionCode)
  return row
}

/** A new or changed area must lie in the writer's jurisdiction. */
export function assertAreaWritable(actor: Actor, area: ResolvedArea, field = 'area') {
  if (isWithinJurisdiction(actor.scopePrefix, area.regionCode)) return
  const message = `the area reaches outside your jurisdiction (${actor.regionName})`
  throw new HttpProblem(
    403,
    'Forbidden',
    `The alert's area belongs to ${area.regionCode}: ${message}.`,
    {
      errors: [
        { field, code: 'not_in_jurisdiction', message, params: { region: actor.regionName } },
      ],
    },
  )
}

export const timesOf = (row: AlertRow) => ({
  status: row.status,
  onset: new Date(row.onset),
  expiresAt: new Date(row.expiresAt),
  liftedAt: row.liftedAt ? new Date(row.liftedAt) : null,
})

/** The area as the domain and CAP see it. */
export function areaOfRow(row: AlertRow): AlertArea {
  if (row.areaKind === 'circle' && row.circle) return { kind: 'circle', ...row.circle }
  if (row.areaKind === 'regions') return { kind: 'regions', codes: row.areaRegionCodes }
  return { kind: 'polygon', polygons: row.area.coordinates as AlertArea & never }
}

export type AlertEventType = 'alert.issued' | 'alert.updated' | 'alert.lifted'

/**
 * The audit entry and the events of one alert write. One event goes to the issuing
 * jurisdiction and one to each county the area touches (before and after a change), so
 * every jurisdiction that can read the alert hears of it; clients refetch once per burst.
 */
export async function auditAndPublish(
  tx: Queryable,
  actor: Actor,
  type: AlertEventType,
  action: AuditAction,
  id: string,
  before: AlertRow | null,
) {
  const after = (await findAlertRow(tx, id))!
  await recordAudit(tx, actor, {
    entity: ENTITY,
    entityId: id,
    action,
    regionCode: after.regionCode,
    before,
    after,
  })
  const codes = new Set([after.regionCode, ...after.countyCodes, ...(before?.countyCodes ?? [])])
  if (before) codes.add(before.regionCode)
  const payload = {
    identifier: after.identifier,
    level: after.level,
    status: after.status,
    version: after.version,
    expiresAt: after.expiresAt,
    exercise: after.exercise,
  }
  for (const regionCode of codes) {
    await publishEvent(tx, { type, regionCode, entity: ENTITY, entityId: id, payload })
  }
  return after
}
