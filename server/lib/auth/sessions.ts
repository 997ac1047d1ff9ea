import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { jurisdictionPrefix, type JurisdictionLevel } from '../../domain/geo/jurisdiction.ts'
import type { Role } from '../../db/schema/accounts.ts'
import type { Actor } from './actor.ts'

export const SESSION_COOKIE = 'jinan_session'
export const SESSION_HOURS = 12

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createSession(
  db: Queryable,
  userId: string,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000)
  await db.execute(sql`insert into sessions (token_hash, user_id, created_at, expires_at)
    values (${hashToken(token)}, ${userId}, ${now.toISOString()}, ${expires.toISOString()})`)
  return token
}

export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.execute(
    sql`update sessions set revoked_at = now() where token_hash = ${hashToken(token)} and revoked_at is null`,
  )
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

const actorSelect = sql`
  select u.id, u.username, u.display_name as "displayName", u.role,
         a.id as "agencyId", a.name as "agencyName", a.level as "agencyLevel",
         a.region_code as "regionCode", r.name as "regionName"
  from users u
  join agencies a on a.id = u.agency_id
  join regions r on r.code = a.region_code`

const toActor = (row: ActorRow): Actor => ({
  ...row,
  scopePrefix: jurisdictionPrefix(row.agencyLevel, row.regionCode),
})

export async function actorForSession(db: Queryable, token: string): Promise<Actor | null> {
  const result = await db.execute(sql`${actorSelect}
    join sessions s on s.user_id = u.id
    where s.token_hash = ${hashToken(token)} and s.revoked_at is null
      and s.expires_at > now() and u.active`)
  const row = result.rows[0] as ActorRow | undefined
  return row ? toActor(row) : null
}

export async function findUserForLogin(
  db: Queryable,
  username: string,
): Promise<(Actor & { passwordHash: string }) | null> {
  const result = await db.execute(sql`
    select q.*, u2.password_hash as "passwordHash" from (${actorSelect} where u.username = ${username} and u.active) q
    join users u2 on u2.id = q.id`)
  const row = result.rows[0] as (ActorRow & { passwordHash: string }) | undefined
  return row ? { ...toActor(row), passwordHash: row.passwordHash } : null
}
