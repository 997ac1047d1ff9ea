import { sql, type SQL } from 'drizzle-orm'
import type { Database, Queryable } from '../../db/database.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import { liveSessions, type LiveSession } from '../auth/sessions.ts'
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

/** The session a stream was opened with, as it was then: a change to any of it ends it. */
export interface StreamSession {
  tokenHash: string
  userId: string
  role: string
  agencyId: string
  /** The session's idle limit (SESSION_IDLE_MINUTES of the process that opened the stream). */
  idleMinutes: number
}

export type DropReason = 'overloaded' | 'stopped' | 'reconnect' | 'signed_out'

export interface Subscription {
  scopePrefix: string
  /** Whose stream this is; logout, a password reset or a changed user ends it. */
  session?: StreamSession
  /** Called for each in-scope event; returning false means "overloaded": the hub drops it. */
  deliver(event: StreamEvent): boolean
  /**
   * Called once when the hub drops the subscriber: overloaded, hub stopped, listener lost,
   * or its session ended (signed out, revoked, expired, idle, user deactivated or changed).
   */
  dropped?(reason: DropReason): void
}

/** How often each process re-checks the sessions of its open streams (one query for all). */
export const SESSION_RECHECK_MS = 15_000

/** Whether a stream opened with `opened` may go on, given the session's state now. */
function stillValid(opened: StreamSession, now: LiveSession | undefined): boolean {
  return (
    now !== undefined &&
    now.userId === opened.userId &&
    now.role === opened.role &&
    now.agencyId === opened.agencyId &&
    now.idleSeconds < opened.idleMinutes * 60
  )
}

/** Streams written to per turn of the event loop while an event is fanned out. */
export const FAN_OUT_SLICE = 100

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
  private sessionTimer: ReturnType<typeof setInterval> | null = null
  private rechecking: Promise<void> | null = null
  private readonly sessionRecheckMs: number
  /** Events read and not yet handed to every subscriber, in id order. */
  private outbox: StreamEvent[] = []
  /** Where the delivery of `outbox[0]` stands. */
  private cursor: { list: Subscription[]; next: number } | null = null
  private delivering = false

  constructor(
    private readonly database: Database,
    private readonly log: (line: string) => void = (line) => console.error(line),
    options: { sessionRecheckMs?: number } = {},
  ) {
    this.sessionRecheckMs = options.sessionRecheckMs ?? SESSION_RECHECK_MS
  }

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
    this.outbox = []
    this.cursor = null
    this.syncSessionTimer()
  }

  get subscriberCount(): number {
    return this.subscribers.size
  }

  subscribe(subscription: Subscription): () => void {
    this.subscribers.add(subscription)
    this.syncSessionTimer()
    return () => {
      this.subscribers.delete(subscription)
      this.syncSessionTimer()
    }
  }

  /**
   * Ends at once this process's streams whose session `pick` chooses (logout, a new sign-in
   * over an old cookie, a password change); returns how many. Other processes notice within
   * one re-check interval.
   */
  endSessions(pick: (session: StreamSession) => boolean): number {
    let ended = 0
    for (const sub of this.subscribers) {
      if (!sub.session || !pick(sub.session)) continue
      this.subscribers.delete(sub)
      sub.dropped?.('signed_out')
      ended++
    }
    this.syncSessionTimer()
    return ended
  }

  /**
   * Re-checks every open stream's session against the database and ends those that are no
   * longer valid: revoked (also by another process), past their end, idle, user deactivated,
   * role or agency changed (a change made in SQL too). Runs every SESSION_RECHECK_MS while
   * streams are open; tests call it directly.
   */
  recheckSessions(): Promise<void> {
    this.rechecking ??= this.recheck().finally(() => {
      this.rechecking = null
    })
    return this.rechecking
  }

  private async recheck(): Promise<void> {
    const hashes = new Set<string>()
    for (const sub of this.subscribers) if (sub.session) hashes.add(sub.session.tokenHash)
    if (hashes.size === 0 || this.stopped) return
    let live: Map<string, LiveSession>
    try {
      live = await liveSessions(this.database.db, [...hashes])
    } catch (error) {
      // A failed check keeps the streams: the next interval tries again.
      if (!this.stopped) this.log(`[events] re-checking stream sessions failed: ${String(error)}`)
      return
    }
    this.endSessions((session) => !stillValid(session, live.get(session.tokenHash)))
  }

  /** The re-check timer runs only while streams are open, and never keeps Node up. */
  private syncSessionTimer() {
    const needed = !this.stopped && this.subscribers.size > 0
    if (needed && !this.sessionTimer) {
      this.sessionTimer = setInterval(() => void this.recheckSessions(), this.sessionRecheckMs)
      this.sessionTimer.unref?.()
    } else if (!needed && this.sessionTimer) {
      clearInterval(this.sessionTimer)
      this.sessionTimer = null
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
    this.syncSessionTimer()
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

  /**
   * Queues an event for every subscriber whose jurisdiction contains it. Delivery runs in
   * slices of FAN_OUT_SLICE streams with setImmediate between them, so the I/O of the write
   * that caused it (its HTTP answer) and of other requests is not held behind 1,000
   * deliveries (#19). Events are delivered one after another, each to a snapshot of the
   * subscribers taken when its delivery starts, so every stream gets them in id order.
   */
  private fanOut(event: StreamEvent) {
    this.outbox.push(event)
    if (this.delivering) return
    this.delivering = true
    this.deliverSlice()
  }

  private deliverSlice() {
    let budget = FAN_OUT_SLICE
    while (this.outbox.length > 0 && !this.stopped) {
      const event = this.outbox[0]!
      this.cursor ??= { list: [...this.subscribers], next: 0 }
      const cursor = this.cursor
      while (cursor.next < cursor.list.length && budget > 0) {
        const sub = cursor.list[cursor.next++]!
        if (!this.subscribers.has(sub)) continue
        if (!isWithinJurisdiction(sub.scopePrefix, event.regionCode)) continue
        budget--
        let ok: boolean
        try {
          ok = sub.deliver(event)
        } catch {
          ok = false
        }
        if (!ok) {
          this.subscribers.delete(sub)
          sub.dropped?.('overloaded')
          this.syncSessionTimer()
        }
      }
      if (cursor.next < cursor.list.length) {
        setImmediate(() => this.deliverSlice())
        return
      }
      this.outbox.shift()
      this.cursor = null
    }
    if (this.stopped) {
      this.outbox = []
      this.cursor = null
    }
    this.delivering = false
  }
}
