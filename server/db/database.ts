import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres'
import type { PgDatabase } from 'drizzle-orm/pg-core'
import type * as schema from './schema/index.ts'

export type Schema = typeof schema
// Both drivers answer `execute` with `{ rows }`; typing it as node-postgres's result gives
// callers `rows` on either engine.
export type Drizzle = PgDatabase<NodePgQueryResultHKT, Schema>
/** The argument drizzle hands a `db.transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<Drizzle['transaction']>[0]>[0]
export type Queryable = Drizzle | Tx

export type EngineName = 'pglite' | 'postgres'

/**
 * One database model, two engines: embedded PGlite + PostGIS, or a real PostgreSQL server.
 * Everything above this interface is engine-agnostic; the only differences (how to
 * LISTEN, how to close) live behind it.
 */
export interface Database {
  engine: EngineName
  db: Drizzle
  /** Subscribe to a NOTIFY channel; resolves to an unsubscribe function. */
  /**
   * Subscribe to a NOTIFY channel; resolves to an unsubscribe function. If the listening
   * connection is lost and re-established, notifications sent in between are gone:
   * `onReconnect` tells the caller so it can make its own clients catch up.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>
  close(): Promise<void>
}
