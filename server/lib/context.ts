import type { Database } from '../db/database.ts'
import type { Actor } from './auth/actor.ts'
import type { EventHub } from './events/hub.ts'

/** What every handler can reach through `c.var`. */
export interface AppServices {
  database: Database
  startedAt: Date
  /** This process's realtime fan-out (LISTEN on the events channel); /api/events subscribes. */
  events: EventHub
  /** Set by requireActor on authenticated routes. */
  actor: Actor
}

export interface AppEnv {
  Variables: AppServices
}
