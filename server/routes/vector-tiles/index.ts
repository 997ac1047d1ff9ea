import { createHash } from 'node:crypto'
import { requireActor } from '../../lib/auth/middleware.ts'
import { createRouter } from '../../lib/openapi.ts'
import { tileLayers } from './vector-tiles.layers.ts'
import { renderTile } from './vector-tiles.queries.ts'
import { renderRegionTile } from './region-tiles.queries.ts'
import { regionTileRoute } from './region-tiles.routes.ts'
import { MVT_TYPE, tileRoute } from './vector-tiles.routes.ts'

/**
 * Dynamic vector tiles of the registry layers (`/tiles/registry/{layer}/{z}/{x}/{y}.pbf`):
 * the map draws 50,000 hazard sources from tiles instead of one GeoJSON list per view.
 * Each tile is cut for the session's jurisdiction, so tiles are private (no shared cache).
 * Region tiles (`/tiles/regions/{z}/{x}/{y}.pbf`) draw the administrative boundaries.
 */
export const vectorTilesRouter = createRouter()
vectorTilesRouter.use('/tiles/registry/*', requireActor)

for (const layer of tileLayers) {
  vectorTilesRouter.openapi(tileRoute(layer), async (c) => {
    const tile = c.req.valid('param')
    const query = c.req.valid('query') as Record<string, unknown>
    const bytes = await renderTile(c.var.reads, { layer, tile, actor: c.var.actor, query })
    c.header('content-type', MVT_TYPE)
    c.header('cache-control', 'private, no-cache')
    if (bytes.length === 0) return c.body(null, 204)
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200)
  })
}

// Region boundaries are public (as GET /api/regions is) and change only on re-import: the
// browser revalidates by content, so an unchanged tile costs a 304, not its bytes.
vectorTilesRouter.openapi(regionTileRoute, async (c) => {
  const bytes = await renderRegionTile(c.var.database, c.req.valid('param'))
  c.header('content-type', MVT_TYPE)
  c.header('cache-control', 'public, no-cache')
  if (bytes.length === 0) return c.body(null, 204)
  const etag = `"${createHash('sha1').update(bytes).digest('base64url')}"`
  c.header('etag', etag)
  if (c.req.header('if-none-match') === etag) return c.body(null, 304)
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200)
})
