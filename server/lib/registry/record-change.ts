import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'
import { auditInsertSql, type AuditAction } from '../audit.ts'
import { EVENTS_CHANNEL, EVENTS_ORDER_LOCK, publishRegistryChange } from '../events/publish.ts'

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

/** What a one-statement write appends for its row (see `registryChangeCtes`). */
export interface OneStatementChange {
  entity: string
  entityId: string
  action: Extract<AuditAction, 'update'>
  regionCode: string
  previousRegionCode?: string
  /** The record's version after the write. */
  version: number
  /** The row as read before the write (exact: the write's WHERE checks its version). */
  before: unknown
}

/**
 * The audit entry, the `registry.changed` event(s) and their NOTIFY as CTEs over `source`,
 * the data-modifying CTE of the write itself (an UPDATE … RETURNING the find's columns), so
 * the write, its audit and its event are one statement: one round trip and, sent outside an
 * explicit transaction, one implicit transaction. Nothing is appended when `source` returns
 * no row (a stale version). The audit's `after` is `to_jsonb` of the returned row: the same
 * keys and values the driver would hand back. The caller's main SELECT must read
 * `notified` (a plain CTE only runs when read); the lock is taken after the row is written
 * and held only until the statement commits.
 */
export function registryChangeCtes(actor: Actor, change: OneStatementChange, source: SQL): SQL {
  const { entity, entityId, action, regionCode, previousRegionCode, version } = change
  const events: { regionCode: string; payload: Record<string, unknown> }[] = [
    { regionCode, payload: { action, version } },
  ]
  if (previousRegionCode !== undefined && previousRegionCode !== regionCode) {
    events.push({
      regionCode: previousRegionCode,
      payload: { action, version, movedTo: regionCode },
    })
  }
  const rows = sql.join(
    events.map(
      (e, i) => sql`(${i}::int, ${e.regionCode}::text, ${JSON.stringify(e.payload)}::jsonb)`,
    ),
    sql`, `,
  )
  return sql`
    audited as (
      insert into audit_log (user_id, username, agency_id, entity, entity_id, action, region_code, before, after)
      select ${actor.id}::uuid, ${actor.username}::text, ${actor.agencyId}::uuid, ${entity}::text,
             ${entityId}::text, ${action}::text, ${regionCode}::text,
             ${JSON.stringify(change.before)}::jsonb, to_jsonb(changed_row)
      from ${source} changed_row),
    ordered as (select pg_advisory_xact_lock(${EVENTS_ORDER_LOCK}) from ${source}),
    inserted as (
      insert into events (type, region_code, entity, entity_id, payload)
      select 'registry.changed', v.region_code, ${entity}::text, ${entityId}::text, v.payload
      from ordered, (values ${rows}) v(ord, region_code, payload)
      order by v.ord
      returning id),
    notified as (select count(pg_notify(${EVENTS_CHANNEL}, id::text))::int as n from inserted)`
}
