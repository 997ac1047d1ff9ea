import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { inScope } from '../../lib/registry/scope.ts'
import type { InboxItem, LogEntry, Member, Shift } from './duty.schemas.ts'

const shiftColumns = sql`s.id, s.user_id as "userId", u.username, u.display_name as "displayName",
  ${isoSql(sql`s.starts_at`)} as "startsAt", ${isoSql(sql`s.ends_at`)} as "endsAt", s.role,
  (s.starts_at <= now() and s.ends_at > now()) as "onDuty"`

/** Shifts of the agency overlapping [from, to), earliest first. */
export async function listShifts(
  db: Queryable,
  agencyId: string,
  from: string,
  to: string,
): Promise<Shift[]> {
  const r = await db.execute(sql`select ${shiftColumns}
    from duty_shifts s join users u on u.id = s.user_id
    where s.agency_id = ${agencyId} and s.retired_at is null
      and s.starts_at < ${to} and s.ends_at > ${from}
    order by s.starts_at, s.id`)
  return r.rows as unknown as Shift[]
}

export async function onDutyNow(db: Queryable, agencyId: string): Promise<Shift[]> {
  const r = await db.execute(sql`select ${shiftColumns}
    from duty_shifts s join users u on u.id = s.user_id
    where s.agency_id = ${agencyId} and s.retired_at is null
      and s.starts_at <= now() and s.ends_at > now()
    order by s.starts_at, s.id`)
  return r.rows as unknown as Shift[]
}

export async function findShift(db: Queryable, id: string): Promise<Shift> {
  const r = await db.execute(sql`select ${shiftColumns}
    from duty_shifts s join users u on u.id = s.user_id where s.id = ${id}`)
  return r.rows[0] as unknown as Shift
}

/** The agency's active accounts: only these can be put on its roster. */
export async function listMembers(db: Queryable, agencyId: string): Promise<Member[]> {
  const r = await db.execute(sql`select id, username, display_name as "displayName", role
    from users where agency_id = ${agencyId} and active order by username`)
  return r.rows as unknown as Member[]
}

export async function userAgency(db: Queryable, userId: string): Promise<string | null> {
  const r = await db.execute(sql`select agency_id as "agencyId" from users where id = ${userId}`)
  return (r.rows[0] as { agencyId: string } | undefined)?.agencyId ?? null
}

const logColumns = sql`id, ${isoSql(sql`at`)} as at, kind, text, username, incident_id as "incidentId"`

export async function listLog(db: Queryable, agencyId: string, limit: number) {
  const r = await db.execute(sql`select ${logColumns} from duty_log
    where agency_id = ${agencyId} order by at desc, id desc limit ${limit}`)
  return r.rows as unknown as LogEntry[]
}

export async function insertLog(
  tx: Queryable,
  actor: Actor,
  v: { kind: string; text: string; incidentId?: string | null | undefined },
): Promise<LogEntry> {
  const r = await tx.execute(sql`
    insert into duty_log (agency_id, user_id, username, kind, text, incident_id)
    values (${actor.agencyId}, ${actor.id}, ${actor.username}, ${v.kind}, ${v.text},
      ${v.incidentId ?? null})
    returning ${logColumns}`)
  return r.rows[0] as unknown as LogEntry
}

/** When this agency acknowledged the incident, or null. */
export async function findAck(db: Queryable, incidentId: string, agencyId: string) {
  const r = await db.execute(sql`select ${isoSql(sql`min(at)`)} as "ackedAt" from incident_events
    where incident_id = ${incidentId} and kind = 'ack' and data->>'agencyId' = ${agencyId}`)
  return (r.rows[0] as { ackedAt: string | null } | undefined)?.ackedAt ?? null
}

/**
 * Open incidents in the actor's jurisdiction that the actor's agency has not acknowledged.
 * Exercises (演练) are not real reports: they never ring the duty inbox.
 */
export async function listInbox(db: Queryable, actor: Actor): Promise<InboxItem[]> {
  const r = await db.execute(sql`select t.id, t.type, t.grade, t.status,
      ${isoSql(sql`t.occurred_at`)} as "occurredAt", ${isoSql(sql`t.reported_at`)} as "reportedAt",
      t.address, t.region_code as "regionCode", t.deaths, t.serious_injuries as "seriousInjuries"
    from incidents t
    where ${inScope(actor, sql`t.region_code`)} and t.status <> 'closed' and not t.exercise
      and not exists (select 1 from incident_events e where e.incident_id = t.id
        and e.kind = 'ack' and e.data->>'agencyId' = ${actor.agencyId})
    order by t.reported_at desc, t.id limit 200`)
  return r.rows as unknown as InboxItem[]
}
