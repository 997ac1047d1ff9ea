import type { Database } from '../db/database.ts'
import type { Actor } from './auth/actor.ts'
import type { EventHub } from './events/hub.ts'

export interface SecurityConfig {
  /** Behind a TLS-terminating proxy (TRUST_PROXY): X-Forwarded-* are trusted, cookies Secure. */
  trustProxy: boolean
  /** Origins besides the served one whose browsers may send writes (ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[]
  /** A session unused this long ends (SESSION_IDLE_MINUTES); the absolute end is 12 h. */
  sessionIdleMinutes: number
  /**
   * How long a checked session may be answered from this process's memory (SESSION_CACHE_MS;
   * 0 = every request asks the database). Bounds how late a sign-out in another process or a
   * change made in SQL is noticed here; those made through this process apply at once.
   */
  sessionCacheMs: number
}

/** What every handler can reach through `c.var`. */
export interface AppServices {
  database: Database
  /**
   * The handle for map reads (registry lists, tiles, search, nearby): the read replica when
   * READ_DATABASE_URL is set and this session's writes are replayed there, else `database`.
   */
  reads: Database
  startedAt: Date
  /** This process's realtime fan-out (LISTEN on the events channel); /api/events subscribes. */
  events: EventHub
  /** How this process is exposed: behind a TLS proxy or not, and which origins may write. */
  security: SecurityConfig
  /** Set by requireActor on authenticated routes. */
  actor: Actor
}

export interface AppEnv {
  Variables: AppServices
}
