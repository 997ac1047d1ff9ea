import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'
import { auditInsertSql, type AuditAction } from '../audit.ts'
import { publishRegistryChange } from '../events/publish.ts'

export interface RegistryChangeRecord {
  entity: string
  entityId: string
  action: Extract<AuditAction, 'create' | 'update' | 'retire'>
  regionCode: string
  /** Set when an update moved the record: the old region's screens hear of it too. */
  previousRegionCode?: string
  version: number
  before?: unknown
  after: unknown
}

/**
 * Every registry write ends here, inside its transaction: the audit entry (who, when, before,
 * after) and the realtime event land together with the change or not at all.
 */
export async function recordRegistryChange(
  tx: Queryable,
  actor: Actor,
  change: RegistryChangeRecord,
): Promise<void> {
  const { before, after, version, previousRegionCode, ...what } = change
  // One round trip for the audit entry and the event, and last: publishing takes the
  // event-order lock that every writer queues on until it commits.
  await publishRegistryChange(
    tx,
    { ...what, version, ...(previousRegionCode === undefined ? {} : { previousRegionCode }) },
    auditInsertSql(actor, { ...what, before, after }),
  )
}
