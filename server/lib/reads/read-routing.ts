import { sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import type { Lsn } from './lsn.ts'
import { ReplicaPosition } from './replica-position.ts'

/**
 * Where map reads go (docs/scaling.md). Without READ_DATABASE_URL there is one database and
 * every read is the primary's. With it, map reads (registry lists, tiles, search, nearby) go
 * to the streaming replica, except for a session that has written and whose write the
 * replica has not replayed yet: that session reads the primary, so it always sees its own
 * write. Writes, sign-in checks, details and the event stream never leave the primary.
 */
export class ReadRouting {
  private readonly position: ReplicaPosition | null

  constructor(
    readonly primary: Database,
    readonly replica: Database | null = null,
  ) {
    this.position = replica ? new ReplicaPosition(replica) : null
  }

  get hasReplica(): boolean {
    return this.replica !== null
  }

  /**
   * The primary's WAL position now. Asked after a write has committed, so it is at or past
   * that write's commit record: a replica that has replayed this far has the write.
   */
  async primaryPosition(): Promise<string> {
    const result = await this.primary.db.execute(sql`select pg_current_wal_lsn()::text as lsn`)
    return (result.rows[0] as { lsn: string }).lsn
  }

  /**
   * The database to read from for a session whose last write left the primary at
   * `writtenAt` (null: it has not written, or its write is known to be replayed). Says also
   * whether that write is now on the replica, so the caller can forget it.
   */
  async forReads(writtenAt: Lsn | null): Promise<{ database: Database; replayed: boolean }> {
    if (!this.replica || !this.position) return { database: this.primary, replayed: false }
    if (writtenAt === null) return { database: this.replica, replayed: false }
    return (await this.position.reached(writtenAt))
      ? { database: this.replica, replayed: true }
      : { database: this.primary, replayed: false }
  }
}
