import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { encodePointLayer } from './mvt-encode.ts'
import {
  TILE_EXTENT,
  tileBounds,
  tileLngLatBounds,
  toTileCoords,
  type TileAddress,
} from './tile-math.ts'
import type { TileLayerSpec } from './vector-tiles.layers.ts'

/** Up to this zoom a tile holds clusters (a city and its neighbours from zoom 9 on). */
export const CLUSTER_MAX_ZOOM = 8
/** Cluster cell, tile units: 512 of 4096 is 64 px on screen, near MapLibre's cluster radius. */
const CLUSTER_CELL = 512
/** Points within this share of a tile beyond its edge are kept, so marks at edges are whole. */
const BUFFER = 64 / TILE_EXTENT

export interface TileRequest {
  layer: TileLayerSpec
  tile: TileAddress
  actor: Actor
  query: Record<string, unknown>
}

/**
 * Rows of one tile, geometry in Mercator metres (`g`) and properties as jsonb. Clusters group
 * on a grid aligned to the tile, so each cluster lies in exactly one tile.
 */
export function tileRowsSql({ layer, tile, actor, query }: TileRequest): SQL {
  const clustered = tile.z <= CLUSTER_MAX_ZOOM
  const [w, s, e, n] = tileLngLatBounds(tile, clustered ? 0 : BUFFER)
  const where = [
    ...layer.where(actor, query),
    sql`t.location && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`,
  ]
  const from = clustered && !query.q ? layer.bareFrom : layer.from
  const filtered = sql`from ${from} where ${sql.join(where, sql` and `)}`
  if (!clustered) {
    return sql`select ST_SetSRID(ST_MakePoint(${mercatorX}, ${mercatorY}), 3857) as g,
      ${layer.properties} as props ${filtered}`
  }
  const b = tileBounds(tile)
  const cell = ((b.xmax - b.xmin) / TILE_EXTENT) * CLUSTER_CELL
  return sql`select ST_SetSRID(ST_MakePoint(avg(s.mx), avg(s.my)), 3857) as g,
      jsonb_strip_nulls(${layer.clusterProperties}) as props
    from (select ${mercatorX} as mx, ${mercatorY} as my, ${layer.clusterInputs} ${filtered}) s
    group by floor((s.mx - ${b.xmin}) / ${cell}), floor((${b.ymax} - s.my) / ${cell})`
}

// Spherical Mercator by formula: for 40,000 points a tenth of the time ST_Transform takes.
const EARTH_RADIUS = 6378137
const mercatorX = sql.raw(`ST_X(t.location) * ${(Math.PI * EARTH_RADIUS) / 180}`)
const mercatorY = sql.raw(`ln(tan(radians(90 + ST_Y(t.location)) / 2)) * ${EARTH_RADIUS}`)

/** The real server encodes in PostGIS: ST_AsMVTGeom + ST_AsMVT. */
export function postgisTileSql(request: TileRequest): SQL {
  const b = tileBounds(request.tile)
  return sql`select ST_AsMVT(m, ${request.layer.name}, ${TILE_EXTENT}, 'geom') as mvt from (
      select ST_AsMVTGeom(r.g, ST_MakeEnvelope(${b.xmin}, ${b.ymin}, ${b.xmax}, ${b.ymax}, 3857),
        ${TILE_EXTENT}, ${Math.round(BUFFER * TILE_EXTENT)}, true) as geom, r.props
      from (${tileRowsSql(request)}) r) m`
}

/** The embedded engine: the same rows, projected to tile units in JS and encoded with vt-pbf. */
export function embeddedTileSql(request: TileRequest): SQL {
  return sql`select ST_X(r.g) as mx, ST_Y(r.g) as my, r.props from (${tileRowsSql(request)}) r`
}

export async function encodeEmbedded(
  database: Database,
  request: TileRequest,
): Promise<Uint8Array> {
  const result = await database.db.execute(embeddedTileSql(request))
  const b = tileBounds(request.tile)
  const points = (result.rows as { mx: number; my: number; props: unknown }[]).map((row) => {
    const [x, y] = toTileCoords(b, Number(row.mx), Number(row.my))
    const props = typeof row.props === 'string' ? JSON.parse(row.props) : row.props
    return { x, y, properties: props as Record<string, unknown> }
  })
  return points.length === 0 ? new Uint8Array() : encodePointLayer(request.layer.name, points)
}

/**
 * One tile as MVT bytes (empty when nothing matches), on whichever engine runs. On the server
 * JIT is off for the query: its estimated cost crosses the JIT threshold and compiling takes
 * ~1 s, ten times the query itself.
 */
export async function renderTile(database: Database, request: TileRequest): Promise<Uint8Array> {
  if (database.engine === 'pglite') return encodeEmbedded(database, request)
  const mvt = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`)
    const result = await tx.execute(postgisTileSql(request))
    return (result.rows[0] as { mvt: Uint8Array | null } | undefined)?.mvt
  })
  return mvt ? new Uint8Array(mvt) : new Uint8Array()
}
