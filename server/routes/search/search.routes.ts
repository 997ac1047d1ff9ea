import { createRoute } from '@hono/zod-openapi'
import { jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { searchQuery, searchResults } from './search.schemas.ts'

export const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  tags: ['search'],
  summary: 'Search regions, enterprises, hazard sources and rescue resources by name',
  request: { query: searchQuery },
  responses: {
    200: jsonResponse('Matches, exact-prefix first, at most `limit`', searchResults),
    ...problemResponses(400, 401),
  },
})
