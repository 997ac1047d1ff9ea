import { createRoute, z } from '@hono/zod-openapi'
import { problemResponses } from '../../lib/openapi.ts'
import { regionCode, regionCollection, regionDetail, regionListQuery } from './regions.schemas.ts'

export const listRegions = createRoute({
  method: 'get',
  path: '/regions',
  tags: ['regions'],
  summary: 'Administrative regions (行政区划) as GeoJSON',
  request: { query: regionListQuery },
  responses: {
    200: {
      description: 'Regions matching the filters, geometry simplified for the zoom',
      content: { 'application/geo+json': { schema: regionCollection } },
    },
    ...problemResponses(400),
  },
})

export const getRegion = createRoute({
  method: 'get',
  path: '/regions/{code}',
  tags: ['regions'],
  summary: 'One region: parent chain, area (km², on the geography), children',
  request: { params: z.object({ code: regionCode }) },
  responses: {
    200: { description: 'The region', content: { 'application/json': { schema: regionDetail } } },
    ...problemResponses(400, 404),
  },
})
