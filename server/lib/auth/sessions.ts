import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { jurisdictionPrefix, type JurisdictionLevel } from '../../domain/geo/jurisdiction.ts'
import type { Role } from '../../db/schema/accounts.ts'
import type { Actor } from './actor.ts'

export const SESSION_COOKIE = 'jinan_session'
/** Absolute lifetime: a session ends this long after sign-in, however busy. */
export const SESSION_HOURS = 12
/** Idle lifetime unless SESSION_IDLE_MINUTES says otherwise. */
export const DEFAULT_SESSION_IDLE_MINUTES = 120
/** last_seen_at is written at most this often per session: reads stay reads. */
export const TOUCH_EVERY_SECONDS = 60

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createSession(
  db: Queryable,
  userId: string,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000)
  // last_seen_at takes the database's now(): the idle check compares it with that clock.
  await db.execute(sql`insert into sessions (token_hash, user_id, created_at, expires_at)
    values (${hashToken(token)}, ${userId}, ${now.toISOString()}, ${expires.toISOString()})`)
  return token
}

export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.execute(
    sql`update sessions set revoked_at = now() where token_hash = ${hashToken(token)} and revoked_at is null`,
  )
}

/** Revokes every open session of a user (but `exceptTokenHash`); returns how many. */
export async function revokeUserSessions(
  db: Queryable,
  userId: string,
  exceptTokenHash?: string,
): Promise<number> {
  const result = await db.execute(sql`update sessions set revoked_at = now()
    where user_id = ${userId} and revoked_at is null and expires_at > now()
      and token_hash <> ${exceptTokenHash ?? ''}
    returning token_hash`)
  return result.rows.length
}

interface ActorRow {
  id: string
  username: string
  displayName: string
  role: Role
  agencyId: string
  agencyName: string
  agencyLevel: JurisdictionLevel
  regionCode: string
  regionName: string
}

const actorColumns = sql`u.id, u.username, u.display_name as "displayName", u.role,
  a.id as "agencyId", a.name as "agencyName", a.level as "agencyLevel",
  a.region_code as "regionCode", r.name as "regionName"`

const actorFrom = sql`from users u
  join agencies a on a.id = u.agency_id
  join regions r on r.code = a.region_code`

const toActor = (row: ActorRow): Actor => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  agencyId: row.agencyId,
  agencyName: row.agencyName,
  agencyLevel: row.agencyLevel,
  regionCode: row.regionCode,
  regionName: row.regionName,
  scopePrefix: jurisdictionPrefix(row.agencyLevel, row.regionCode),
})

/**
 * The signed-in user of a session cookie, or null when the session is revoked, past its
 * absolute end, idle longer than `idleMinutes`, or its user is deactivated. A session last
 * seen more than a minute ago is touched; times are the database's, one clock for every
 * process.
 */
export async function actorForSession(
  db: Queryable,
  token: string,
  idleMinutes = DEFAULT_SESSION_IDLE_MINUTES,
): Promise<Actor | null> {
  const tokenHash = hashToken(token)
  const result = await db.execute(sql`
    select ${actorColumns},
           s.last_seen_at < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS}::int) as "touchDue"
    ${actorFrom}
    join sessions s on s.user_id = u.id
    where s.token_hash = ${tokenHash} and s.revoked_at is null
      and s.expires_at > now() and u.active
      and s.last_seen_at > now() - make_interval(mins => ${idleMinutes}::int)`)
  const row = result.rows[0] as (ActorRow & { touchDue: boolean }) | undefined
  if (!row) return null
  if (row.touchDue) {
    await db.execute(sql`update sessions set last_seen_at = now() where token_hash = ${tokenHash}`)
  }
  return toActor(row)
}

/** What a stream re-checks about its session: still open, and the user unchanged. */
export interface LiveSession {
  userId: string
  role: Role
  agencyId: string
  /** Seconds since the session was last seen (database clock). */
  idleSeconds: number
}

/** Hashes per query: far below PostgreSQL's 65,535 bind parameters, however many streams. */
const LIVE_BATCH = 1000

/**
 * The sessions among `tokenHashes` that are still valid (not revoked, not past their end,
 * user active), with the user's current role and agency. One query per thousand streams of
 * a process, not one per stream.
 */
export async function liveSessions(
  db: Queryable,
  tokenHashes: readonly string[],
): Promise<Map<string, LiveSession>> {
  const live = new Map<string, LiveSession>()
  for (let i = 0; i < tokenHashes.length; i += LIVE_BATCH) {
    const list = sql.join(
      tokenHashes.slice(i, i + LIVE_BATCH).map((h) => sql`${h}`),
      sql`, `,
    )
    const result = await db.execute(sql`
      select s.token_hash as "tokenHash", u.id as "userId", u.role, u.agency_id as "agencyId",
             extract(epoch from now() - s.last_seen_at)::float8 as "idleSeconds"
      from sessions s join users u on u.id = s.user_id
      where s.token_hash in (${list}) and s.revoked_at is null and s.expires_at > now()
        and u.active`)
    for (const row of result.rows as unknown as (LiveSession & { tokenHash: string })[]) {
      const { tokenHash, ...session } = row
      live.set(tokenHash, { ...session, idleSeconds: Number(session.idleSeconds) })
    }
  }
  return live
}

export async function findUserForLogin(
  db: Queryable,
  username: string,
): Promise<(Actor & { passwordHash: string }) | null> {
  const result = await db.execute(sql`
    select ${actorColumns}, u.password_hash as "passwordHash" ${actorFrom}
    where u.username = ${username} and u.active`)
  const row = result.rows[0] as (ActorRow & { passwordHash: string }) | undefined
  return row ? { ...toActor(row), passwordHash: row.passwordHash } : null
}

/**
 * The actor of a user by id, for work the server does on a user's behalf after the request
 * that started it (a drill's injected updates arrive in the name of whoever ran the drill).
 * Null when the user is gone or deactivated.
 */
export async function actorForUser(db: Queryable, userId: string): Promise<Actor | null> {
  const result = await db.execute(sql`select ${actorColumns} ${actorFrom}
    where u.id = ${userId} and u.active`)
  const row = result.rows[0] as ActorRow | undefined
  return row ? toActor(row) : null
}
