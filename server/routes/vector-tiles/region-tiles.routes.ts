import { createRoute, z } from '@hono/zod-openapi'
import { problemResponses } from '../../lib/openapi.ts'
import { regionTileLevels } from './region-tiles.schemas.ts'
import { MVT_TYPE, tileParams } from './vector-tiles.routes.ts'

const layerList = regionTileLevels
  .map((l) => `"${l.areas}" and "${l.labels}" from zoom ${l.minzoom}`)
  .join(', ')

export const regionTileRoute = createRoute({
  method: 'get',
  path: '/tiles/regions/{z}/{x}/{y}',
  tags: ['vector-tiles'],
  summary: 'Administrative regions (行政区划); Mapbox Vector Tile, the same for everyone',
  description:
    `Polygons cut to the tile and simplified to its pixel size, and one label point per region: ${layerList}. ` +
    'Public like GET /api/regions (boundaries are not scoped). 204 when no region touches the tile.',
  request: { params: tileParams },
  responses: {
    200: {
      description: 'Up to six MVT layers (polygons and label points per level)',
      content: { [MVT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    204: { description: 'No region in this tile' },
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    ...problemResponses(400),
  },
})
