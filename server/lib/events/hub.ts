import { sql, type SQL } from 'drizzle-orm'
import type { Database, Queryable } from '../../db/database.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import { EVENTS_CHANNEL } from './publish.ts'

/** One row of `events` as the stream sends it (the SSE `data:` JSON). */
export interface StreamEvent {
  id: number
  at: string
  type: string
  regionCode: string
  entity: string
  entityId: string
  payload: Record<string, unknown>
}

interface EventRow {
  id: number | string
  at: Date | string
  type: string
  region_code: string
  entity: string
  entity_id: string
  payload: Record<string, unknown> | string | null
}

const columns = sql`id, at, type, region_code, entity, entity_id, payload`

function toStreamEvent(row: EventRow): StreamEvent {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    type: row.type,
    regionCode: row.region_code,
    entity: row.entity,
    entityId: row.entity_id,
    payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) ?? {},
  }
}

async function selectEvents(db: Queryable, where: SQL, limit: number): Promise<StreamEvent[]> {
  const result = await db.execute(
    sql`select ${columns} from events where ${where} order by id limit ${limit}`,
  )
  return (result.rows as unknown as EventRow[]).map(toStreamEvent)
}

/** Rows in a jurisdiction: a GB/T 2260 prefix ('' = national). Prefixes are digits only. */
const inScope = (scopePrefix: string) => sql`region_code like ${scopePrefix + '%'}`

/** Events after `afterId` in the scope, in id order, at most `limit`. */
export function eventsAfter(db: Queryable, afterId: number, scopePrefix: string, limit: number) {
  return selectEvents(db, sql`id > ${afterId} and ${inScope(scopePrefix)}`, limit)
}

export async function latestEventId(db: Queryable): Promise<number> {
  const result = await db.execute(sql`select coalesce(max(id), 0) as id from events`)
  return Number((result.rows[0] as { id: number | string }).id)
}

export interface Subscription {
  scopePrefix: string
  /** Called for each in-scope event; returning false means "overloaded": the hub drops it. */
  deliver(event: StreamEvent): boolean
  /** Called once when the hub drops the subscriber (overloaded, hub stopped, listener lost). */
  dropped?(reason: 'overloaded' | 'stopped' | 'reconnect'): void
}

/** At most this many ids are read per query when a burst of notifications arrives. */
const READ_BATCH = 500

/**
 * One per API process. LISTENs on the events channel; each NOTIFY carries the id of a
 * committed row. Ids that arrive while a read is running are collected and read together
 * (a burst is one query), and each row is handed to the subscribers whose jurisdiction
 * contains it. Reading by the notified ids, not "everything after the last id seen", keeps a
 * row whose transaction committed after a later id's from being skipped.
 *
 * Memory stays bounded: the hub keeps only the ids not yet read; each subscriber's buffer is
 * its own business (the SSE route drops a client whose buffer overflows).
 */
export class EventHub {
  private subscribers = new Set<Subscription>()
  private pending = new Set<number>()
  private draining: Promise<void> | null = null
  private starting: Promise<void> | null = null
  private unlisten: (() => Promise<void>) | null = null
  private stopped = false

  constructor(
    private readonly database: Database,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  /** Idempotent: the first call LISTENs, later calls wait for it. */
  start(): Promise<void> {
    this.stopped = false
    this.starting ??= this.database
      .listen(
        EVENTS_CHANNEL,
        (payload) => this.notified(payload),
        () => this.listenerReconnected(),
      )
      .then((unlisten) => {
        this.unlisten = unlisten
      })
      .catch((error: unknown) => {
        this.starting = null
        throw error
      })
    return this.starting
  }

  async stop(): Promise<void> {
    this.stopped = true
    const starting = this.starting
    this.starting = null
    await starting?.catch(() => {})
    const unlisten = this.unlisten
    this.unlisten = null
    await unlisten?.().catch(() => {})
    await this.draining?.catch(() => {})
    for (const sub of this.subscribers) sub.dropped?.('stopped')
    this.subscribers.clear()
    this.pending.clear()
  }

  get subscriberCount(): number {
    return this.subscribers.size
  }

  subscribe(subscription: Subscription): () => void {
    this.subscribers.add(subscription)
    return () => {
      this.subscribers.delete(subscription)
    }
  }

  /**
   * Notifications sent while the listener was down are lost, so this process cannot know
   * what its clients missed. It closes their streams instead: each client reconnects with
   * Last-Event-ID and the replay from the events table fills the gap exactly.
   */
  private listenerReconnected() {
    this.log(`[events] listener reconnected; ${this.subscribers.size} streams asked to resume`)
    for (const sub of this.subscribers) sub.dropped?.('reconnect')
    this.subscribers.clear()
  }

  private notified(payload: string) {
    const id = Number(payload)
    if (!Number.isSafeInteger(id) || this.stopped) return
    this.pending.add(id)
    this.draining ??= this.drain().finally(() => {
      this.draining = null
    })
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0 && !this.stopped) {
      const ids = [...this.pending].slice(0, READ_BATCH)
      for (const id of ids) this.pending.delete(id)
      let rows: StreamEvent[]
      try {
        const list = sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )
        rows = await selectEvents(this.database.db, sql`id in (${list})`, ids.length)
      } catch (error) {
        if (!this.stopped) this.log(`[events] reading notified events failed: ${String(error)}`)
        continue
      }
      for (const event of rows) this.fanOut(event)
    }
  }

  private fanOut(event: StreamEvent) {
    for (const sub of this.subscribers) {
      if (!isWithinJurisdiction(sub.scopePrefix, event.regionCode)) continue
      let ok: boolean
      try {
        ok = sub.deliver(event)
      } catch {
        ok = false
      }
      if (!ok) {
        this.subscribers.delete(sub)
        sub.dropped?.('overloaded')
      }
    }
  }
}
