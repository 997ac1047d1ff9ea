import { sql } from 'drizzle-orm'
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

/** Appends to the audit log inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(
  tx: Queryable,
  actor: AuditWho,
  entry: AuditEntry,
): Promise<void> {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))
  await tx.execute(sql`
    insert into audit_log (user_id, username, agency_id, entity, entity_id, action, region_code, before, after)
    values (${actor.id}, ${actor.username}, ${actor.agencyId}, ${entry.entity}, ${entry.entityId},
            ${entry.action}, ${entry.regionCode ?? null}, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb)`)
}
