import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../db/database.ts'
import type { Actor } from './auth/actor.ts'

export type AuditAction =
  | 'create'
  | 'update'
  | 'retire'
  | 'login'
  | 'logout'
  // A refused sign-in: wrong password, or a username that is unknown or deactivated.
  | 'login_failed'
  // An administrator set a user's password; a user changed their own, or failed to.
  | 'password_reset'
  | 'password_change'
  | 'password_change_failed'

export interface AuditEntry {
  entity: string
  entityId: string
  action: AuditAction
  regionCode?: string | null
  before?: unknown
  after?: unknown
}

/** Who an entry is about: a signed-in actor, or just the username someone typed. */
export type AuditWho =
  Pick<Actor, 'id' | 'username' | 'agencyId'> | { id: null; username: string; agencyId: null }

/** The audit INSERT as SQL, for a caller that sends it together with another statement. */
export function auditInsertSql(actor: AuditWho, entry: AuditEntry): SQL {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))
  return sql`
    insert into audit_log (user_id, username, agency_id, entity, entity_id, action, region_code, before, after)
    values (${actor.id}, ${actor.username}, ${actor.agencyId}, ${entry.entity}, ${entry.entityId},
            ${entry.action}, ${entry.regionCode ?? null}, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb)`
}

/** Appends to the audit log inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(
  tx: Queryable,
  actor: AuditWho,
  entry: AuditEntry,
): Promise<void> {
  await tx.execute(auditInsertSql(actor, entry))
}
