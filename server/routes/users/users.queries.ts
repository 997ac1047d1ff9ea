import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'

export interface PasswordTarget {
  id: string
  username: string
  /** The region of the user's agency: what jurisdiction and the audit entry go by. */
  regionCode: string
}

/** A user whose agency lies within the jurisdiction `scopePrefix`, or null (also: no such id). */
export async function findUserInScope(
  db: Queryable,
  id: string,
  scopePrefix: string,
): Promise<PasswordTarget | null> {
  const result = await db.execute(sql`
    select u.id, u.username, a.region_code as "regionCode"
    from users u join agencies a on a.id = u.agency_id
    where u.id = ${id} and a.region_code like ${scopePrefix + '%'}`)
  return (result.rows[0] as PasswordTarget | undefined) ?? null
}

export async function setPasswordHash(tx: Queryable, id: string, hash: string): Promise<void> {
  await tx.execute(sql`update users set password_hash = ${hash} where id = ${id}`)
}

export async function passwordHashOf(db: Queryable, id: string): Promise<string | null> {
  const result = await db.execute(sql`select password_hash from users where id = ${id}`)
  return (result.rows[0] as { password_hash: string } | undefined)?.password_hash ?? null
}
