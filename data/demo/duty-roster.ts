import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'

const DAY = 24 * 60 * 60_000

/**
 * Each demo agency gets one 24 h shift a day (08:00 Beijing time to 08:00), from the last
 * 08:00 before the seed time until 7 days after it, its members (viewers excepted) in turn.
 */
export async function writeDemoRoster(tx: Queryable, now: Date): Promise<number> {
  const r = await tx.execute(sql`select u.id, u.agency_id as "agencyId" from users u
    where u.role <> 'viewer' order by u.agency_id, u.username`)
  const byAgency = new Map<string, string[]>()
  for (const row of r.rows as { id: string; agencyId: string }[]) {
    byAgency.set(row.agencyId, [...(byAgency.get(row.agencyId) ?? []), row.id])
  }
  const start = Math.floor(now.getTime() / DAY) * DAY // 08:00 Beijing time is 00:00 UTC
  let shifts = 0
  for (const [agencyId, members] of byAgency) {
    for (let day = 0; start + day * DAY < now.getTime() + 7 * DAY; day++) {
      const startsAt = new Date(start + day * DAY).toISOString()
      const endsAt = new Date(start + (day + 1) * DAY).toISOString()
      await tx.execute(sql`insert into duty_shifts (agency_id, user_id, starts_at, ends_at, role,
          created_at)
        values (${agencyId}, ${members[day % members.length]}, ${startsAt}, ${endsAt},
          '值班员', ${now.toISOString()})`)
      shifts++
    }
  }
  return shifts
}
