import pg from 'pg'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { openReadReplica } from '../db/open-read-replica.ts'
import { withDatabase } from './template.ts'

/**
 * The streaming replica the read tests use (`.ci/replica.sh start`: 127.0.0.1:5433). Test
 * databases are created on the primary; physical replication carries each to the replica,
 * where it can be opened once its CREATE DATABASE has been replayed.
 */
export function replicaUrl(): string {
  const url = process.env.READ_DATABASE_URL
  if (!url) throw new Error('READ_DATABASE_URL is not set (see .ci/replica.sh)')
  return url
}

async function onReplica<T>(database: string, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: withDatabase(replicaUrl(), database) })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** Waits until the replica has replayed what the primary had written when this was called. */
export async function replicaCaughtUp(primary: Database, timeoutMs = 60_000): Promise<void> {
  const result = await primary.db.execute(sql`select pg_current_wal_lsn()::text as lsn`)
  const target = (result.rows[0] as { lsn: string }).lsn
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const done = await onReplica('postgres', async (c) => {
      const r = await c.query<{ done: boolean }>(
        'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
        [target],
      )
      return r.rows[0]!.done
    })
    if (done) return
    if (Date.now() > deadline) throw new Error(`replica has not replayed ${target} in time`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** The replica's copy of the primary database `name`, opened the way the server opens it. */
export async function openReplicaOf(
  primaryUrl: string,
  primary: Database,
  name: string,
): Promise<Database> {
  await replicaCaughtUp(primary)
  const replica = await openReadReplica({
    DATABASE_URL: primaryUrl,
    READ_DATABASE_URL: withDatabase(replicaUrl(), name),
  })
  if (!replica) throw new Error('no replica opened')
  return replica
}

/** Restarts WAL replay on the replica (a no-op when it runs). */
export async function resumeReplay(): Promise<void> {
  await onReplica('postgres', (c) => c.query('select pg_wal_replay_resume()'))
}

/**
 * Runs `body` with WAL replay on the replica paused, once it has caught up with the primary.
 * While paused, the replica answers with what it had: a read that sees a change made since
 * was not served by it. Replay restarts however `body` ends: the replica is shared by the
 * run's test files.
 */
export async function whileReplayPaused<T>(primary: Database, body: () => Promise<T>) {
  await replicaCaughtUp(primary)
  await onReplica('postgres', (c) => c.query('select pg_wal_replay_pause()'))
  try {
    return await body()
  } finally {
    await resumeReplay()
  }
}
