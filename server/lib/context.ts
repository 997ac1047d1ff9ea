import type { Database } from '../db/database.ts'

/** What every handler can reach through `c.var`. */
export interface AppServices {
  database: Database
  startedAt: Date
}

export interface AppEnv {
  Variables: AppServices
}
