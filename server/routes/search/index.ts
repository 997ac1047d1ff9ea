import { requireActor } from '../../lib/auth/middleware.ts'
import { createRouter } from '../../lib/openapi.ts'
import { search } from './search.queries.ts'
import { searchRoute } from './search.routes.ts'

export type { SearchKind, SearchResult } from './search.schemas.ts'

export const searchRouter = createRouter()
searchRouter.use('/search', requireActor)

searchRouter.openapi(searchRoute, async (c) => {
  const { q, limit } = c.req.valid('query')
  return c.json(await search(c.var.reads.db, c.var.actor, q, limit), 200)
})
