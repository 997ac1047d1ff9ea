import { createRoute, z } from '@hono/zod-openapi'
import { problemResponses } from '../../lib/openapi.ts'
import { MAX_TILE_ZOOM } from './tile-math.ts'
import type { TileLayerSpec } from './vector-tiles.layers.ts'

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile'

const tileIndex = (name: string) =>
  z
    .string()
    .regex(/^\d{1,8}$/, `${name} must be a whole number`)
    .transform(Number)

/** `{z}/{x}/{y}.pbf`; x and y must lie in the zoom's 2^z × 2^z grid. */
export const tileParams = z
  .object({
    z: tileIndex('z').pipe(z.number().max(MAX_TILE_ZOOM, `z must be 0…${MAX_TILE_ZOOM}`)),
    x: tileIndex('x'),
    y: z
      .string()
      .regex(/^\d{1,8}\.pbf$/, 'y must be a whole number followed by .pbf')
      .transform((v) => Number(v.slice(0, -4)))
      .openapi({ param: { description: 'Tile row with the .pbf suffix, e.g. 101.pbf' } }),
  })
  .superRefine((p, ctx) => {
    const n = 2 ** p.z
    if (p.x >= n) ctx.addIssue({ code: 'custom', path: ['x'], message: `x must be below ${n}` })
    if (p.y >= n) ctx.addIssue({ code: 'custom', path: ['y'], message: `y must be below ${n}` })
  })

export const tileRoute = (layer: TileLayerSpec) =>
  createRoute({
    method: 'get',
    path: `/tiles/registry/${layer.name}/{z}/{x}/{y}`,
    tags: ['vector-tiles'],
    summary: `${layer.summary}; Mapbox Vector Tile, scoped to your jurisdiction`,
    description:
      'Takes the same filters as the list endpoint (bbox and limit aside: the tile is the bbox). ' +
      'Clustered at zoom ≤ 8 (cluster, point_count). 204 when the tile is empty.',
    request: { params: tileParams, query: layer.query as z.ZodObject },
    responses: {
      200: {
        description: `One MVT layer named "${layer.name}"`,
        content: { [MVT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      204: { description: 'Nothing in this tile' },
      ...problemResponses(400, 401),
    },
  })
