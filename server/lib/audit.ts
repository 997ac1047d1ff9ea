import { sql } from 'drizzle-orm'
import type { Queryable } from '../db/database.ts'
import type { Actor } from './auth/actor.ts'

export type AuditAction = 'create' | 'update' | 'retire' | 'login' | 'logout'

export interface AuditEntry {
  entity: string
  entityId: string
  action: AuditAction
  regionCode?: string | null
  before?: unknown
  after?: unknown
}

/** Appends to the audit log inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(
  tx: Queryable,
  actor: Pick<Actor, 'id' | 'username' | 'agencyId'>,
  entry: AuditEntry,
): Promise<void> {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))
  await tx.execute(sql`
    insert into audit_log (user_id, username, agency_id, entity, entity_id, action, region_code, before, after)
    values (${actor.id}, ${actor.username}, ${actor.agencyId}, ${entry.entity}, ${entry.entityId},
            ${entry.action}, ${entry.regionCode ?? null}, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb)`)
}
