import type { Database } from '../db/database.ts'
import type { Actor } from './auth/actor.ts'

/** What every handler can reach through `c.var`. */
export interface AppServices {
  database: Database
  startedAt: Date
  /** Set by requireActor on authenticated routes. */
  actor: Actor
}

export interface AppEnv {
  Variables: AppServices
}
