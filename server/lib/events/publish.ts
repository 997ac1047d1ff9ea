import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'

export const EVENTS_CHANNEL = 'jinan_events'

export interface DomainEvent {
  /** e.g. 'incident.created', 'dispatch.changed', 'resource.status', 'registry.changed' */
  type: string
  /** GB/T 2260 code of where it happened: streams are filtered by jurisdiction on it. */
  regionCode: string
  entity: string
  entityId: string
  payload?: Record<string, unknown>
}

/** Key of the transaction-level advisory lock that orders event ids by commit. */
export const EVENTS_ORDER_LOCK = 727_001

/**
 * Appends the event inside the caller's transaction and NOTIFYs its id. PostgreSQL delivers
 * the notification only when the transaction commits, so a rolled-back change announces
 * nothing, and every API process listening on the channel reads the same row.
 *
 * A sequence hands out ids in call order, not commit order: a client that saw id 11 and then
 * reconnected with Last-Event-ID 11 would never be replayed an id 10 that committed later.
 * The advisory lock (held until this transaction ends) makes event-writing transactions take
 * their ids one at a time, so ids become visible in increasing order and "everything after
 * Last-Event-ID" is exact.
 *
 * The lock serialises every event-writing transaction from here to its commit, so whatever
 * runs while it is held caps the writes per second of the whole system (#19: with the lock,
 * the insert and the notify as three round trips, 8 clients managed 137 PATCH/s). Hence one
 * statement: the lock, the insert and the notify travel together, and callers publish last,
 * just before COMMIT (PostgreSQL serialises NOTIFYing commits itself anyway).
 */
export async function publishEvent(
  tx: Queryable,
  event: DomainEvent,
  /** A data-modifying statement (the audit INSERT) to send in the same round trip. */
  together?: SQL,
): Promise<number> {
  // The insert selects from the lock's CTE, so the lock is held before nextval() runs. A
  // data-modifying CTE runs to completion whether or not it is read.
  const result = await tx.execute(sql`
    with ${together ? sql`together as (${together}), ` : sql``}ordered as (select pg_advisory_xact_lock(${EVENTS_ORDER_LOCK})),
    inserted as (
      insert into events (type, region_code, entity, entity_id, payload)
      select ${event.type}::text, ${event.regionCode}::text, ${event.entity}::text,
             ${event.entityId}::text, ${JSON.stringify(event.payload ?? {})}::jsonb
      from ordered
      returning id
    )
    select id, pg_notify(${EVENTS_CHANNEL}, id::text) from inserted`)
  return Number((result.rows[0] as { id: number | string }).id)
}

export interface RegistryChange {
  entity: 'enterprise' | 'hazard_source' | 'hidden_danger' | 'resource' | (string & {})
  entityId: string
  action: 'create' | 'update' | 'retire'
  regionCode: string
  /** The record's version after the write. */
  version: number
  /** Where the record was before an update that moved it: that jurisdiction hears too. */
  previousRegionCode?: string
}

/** `registry.changed` for a registry write: clients refetch the record (or drop it). */
export async function publishRegistryChange(
  tx: Queryable,
  change: RegistryChange,
  /** As for publishEvent: sent with the first event. */
  together?: SQL,
) {
  const { entity, entityId, action, regionCode, version, previousRegionCode } = change
  await publishEvent(
    tx,
    { type: 'registry.changed', regionCode, entity, entityId, payload: { action, version } },
    together,
  )
  if (previousRegionCode !== undefined && previousRegionCode !== regionCode) {
    await publishEvent(tx, {
      type: 'registry.changed',
      regionCode: previousRegionCode,
      entity,
      entityId,
      payload: { action, version, movedTo: regionCode },
    })
  }
}
