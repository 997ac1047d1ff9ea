import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'
import { retiredRecord, staleVersion } from './conflict.ts'
import { recordRegistryChange } from './record-change.ts'

export type RegistryTable = 'enterprises' | 'hazard_sources' | 'hidden_dangers' | 'resources'

/** Soft delete: the row stays, marked retired, and its version moves on. */
export async function retireRecord(
  tx: Queryable,
  table: RegistryTable,
  id: string,
  actor: Actor,
  reason: string,
): Promise<void> {
  await tx.execute(sql`
    update ${sql.identifier(table)} set retired_at = now(), retired_reason = ${reason},
      version = version + 1, updated_at = now(), updated_by = ${actor.id}
    where id = ${id}`)
}

export interface RetireSpec<
  Row extends { regionCode: string; retiredAt: string | null; version: number },
> {
  table: RegistryTable
  entity: string
  /** Loads the row for update, answering 404/403 outside the actor's jurisdiction. */
  loadForWrite: (tx: Queryable, actor: Actor, id: string) => Promise<Row>
  /** The record as the API shows it, sent back with a 409. */
  current: (tx: Queryable, row: Row) => Promise<{ version: number }> | { version: number }
  find: (tx: Queryable, id: string) => Promise<Row | null>
}

/**
 * The retire path every registry shares, inside the caller's transaction: refuse a retired
 * record or a stale version, mark it retired, and record the change (audit + event).
 */
export async function retireChecked<
  Row extends { regionCode: string; retiredAt: string | null; version: number },
>(tx: Queryable, actor: Actor, id: string, version: number, reason: string, spec: RetireSpec<Row>) {
  const before = await spec.loadForWrite(tx, actor, id)
  if (before.retiredAt) throw retiredRecord()
  if (before.version !== version) throw staleVersion(version, await spec.current(tx, before))
  await retireRecord(tx, spec.table, id, actor, reason)
  await recordRegistryChange(tx, actor, {
    entity: spec.entity,
    entityId: id,
    action: 'retire',
    regionCode: before.regionCode,
    version: version + 1,
    before,
    after: await spec.find(tx, id),
  })
}
