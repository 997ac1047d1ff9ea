import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'

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
