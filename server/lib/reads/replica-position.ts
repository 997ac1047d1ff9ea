import { sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { parseLsn, type Lsn } from './lsn.ts'

/**
 * How far the replica has replayed the primary's WAL, as this process last saw it. A session
 * that has written asks "is the replica past my write?"; when the last answer already says
 * yes no query is needed, otherwise one `pg_last_wal_replay_lsn()` is asked and shared by
 * every request waiting at that moment (a burst of reads is one query).
 */
export class ReplicaPosition {
  private replayed: Lsn = 0n
  private asking: Promise<Lsn> | null = null

  constructor(private readonly replica: Database) {}

  /** Whether the replica has replayed at least up to `lsn`; false when it cannot be asked. */
  async reached(lsn: Lsn): Promise<boolean> {
    if (this.replayed >= lsn) return true
    try {
      return (await this.refresh()) >= lsn
    } catch {
      // An unreachable replica is "not there yet": the session keeps reading the primary.
      return false
    }
  }

  private refresh(): Promise<Lsn> {
    this.asking ??= this.replica.db
      .execute(sql`select pg_last_wal_replay_lsn()::text as lsn`)
      .then((result) => {
        const lsn = parseLsn((result.rows[0] as { lsn: string | null } | undefined)?.lsn)
        if (lsn === null) throw new Error('READ_DATABASE_URL is not a streaming replica')
        if (lsn > this.replayed) this.replayed = lsn
        return this.replayed
      })
      .finally(() => {
        this.asking = null
      })
    return this.asking
  }
}
