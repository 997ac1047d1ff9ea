import { sql } from 'drizzle-orm'
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
 * Last-Event-ID" is exact. The lock is taken at the end of the write, so it is held briefly.
 */
export async function publishEvent(tx: Queryable, event: DomainEvent): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${EVENTS_ORDER_LOCK})`)
  const result = await tx.execute(sql`
    insert into events (type, region_code, entity, entity_id, payload)
    values (${event.type}, ${event.regionCode}, ${event.entity}, ${event.entityId},
            ${JSON.stringify(event.payload ?? {})}::jsonb)
    returning id`)
  const id = Number((result.rows[0] as { id: number | string }).id)
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(id)})`)
  return id
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
export async function publishRegistryChange(tx: Queryable, change: RegistryChange) {
  const { entity, entityId, action, regionCode, version, previousRegionCode } = change
  await publishEvent(tx, {
    type: 'registry.changed',
    regionCode,
    entity,
    entityId,
    payload: { action, version },
  })
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
