import { requireActor } from '../../lib/auth/middleware.ts'
import { createRouter } from '../../lib/openapi.ts'
import { nearby } from './nearby.queries.ts'
import { nearbyRoute } from './nearby.routes.ts'

export type { NearbyItem, NearbyQueryInput, NearbyResult } from './nearby.schemas.ts'

export const nearbyRouter = createRouter()
nearbyRouter.use('/nearby', requireActor)

nearbyRouter.openapi(nearbyRoute, async (c) => {
  return c.json(await nearby(c.var.reads.db, c.var.actor, c.req.valid('query')), 200)
})
