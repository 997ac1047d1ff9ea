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

/**
 * Appends the event inside the caller's transaction and NOTIFYs its id. PostgreSQL delivers
 * the notification only when the transaction commits, so a rolled-back change announces
 * nothing, and every API process listening on the channel reads the same row.
 */
export async function publishEvent(tx: Queryable, event: DomainEvent): Promise<number> {
  const result = await tx.execute(sql`
    insert into events (type, region_code, entity, entity_id, payload)
    values (${event.type}, ${event.regionCode}, ${event.entity}, ${event.entityId},
            ${JSON.stringify(event.payload ?? {})}::jsonb)
    returning id`)
  const id = Number((result.rows[0] as { id: number | string }).id)
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(id)})`)
  return id
}
