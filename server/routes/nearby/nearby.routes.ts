import { createRoute } from '@hono/zod-openapi'
import { jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { nearbyQuery, nearbyResult } from './nearby.schemas.ts'

export const nearbyRoute = createRoute({
  method: 'get',
  path: '/nearby',
  tags: ['search'],
  summary: 'Hazard sources and rescue resources within radiusKm of a point, nearest first',
  description:
    'Distances are geodesic (PostGIS geography on the WGS84 spheroid). Only non-retired records ' +
    'inside the caller’s jurisdiction are listed.',
  request: { query: nearbyQuery },
  responses: {
    200: jsonResponse('Records in the circle, nearest first', nearbyResult),
    ...problemResponses(400, 401),
  },
})
