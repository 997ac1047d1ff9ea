import { sql } from 'drizzle-orm'
import type { Env } from '../env.ts'
import type { Database } from './database.ts'
import { openPostgres } from './open-postgres.ts'

/** Shows in the replica's pg_stat_activity which backends serve this app's map reads. */
export const READ_APPLICATION_NAME = 'jinan-read'

/**
 * READ_DATABASE_URL → the streaming replica map reads go to (docs/scaling.md); none when it
 * is unset. Refused when it is not a replica in recovery, or without DATABASE_URL: reads
 * from a second writable server would never see the primary's writes.
 */
export async function openReadReplica(
  env: Pick<Env, 'DATABASE_URL' | 'READ_DATABASE_URL'>,
  log: (line: string) => void = () => {},
): Promise<Database | null> {
  if (!env.READ_DATABASE_URL) return null
  if (!env.DATABASE_URL) {
    throw new Error('READ_DATABASE_URL is a replica of DATABASE_URL: set DATABASE_URL too')
  }
  const replica = await openPostgres(env.READ_DATABASE_URL, {
    applicationName: READ_APPLICATION_NAME,
  })
  const result = await replica.db.execute(sql`select pg_is_in_recovery() as standby`)
  if (!(result.rows[0] as { standby: boolean }).standby) {
    await replica.close()
    throw new Error('READ_DATABASE_URL is not a standby (pg_is_in_recovery() is false)')
  }
  log('map reads: READ_DATABASE_URL (streaming replica), read-after-write on the primary')
  return replica
}
