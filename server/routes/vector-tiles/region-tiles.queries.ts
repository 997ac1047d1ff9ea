import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { displayColumn } from '../regions/regions.queries.ts'
import {
  encodeLayers,
  pointFeatures,
  polygonFeatures,
  type EncodedLayer,
  type TilePolygon,
} from './mvt-encode.ts'
import { TILE_EXTENT, tileBounds, tileLngLatBounds, type TileAddress } from './tile-math.ts'
import { regionTileLevels, type RegionTileLevel } from './region-tiles.schemas.ts'

/*
 * Region tiles (/tiles/regions/{z}/{x}/{y}.pbf): province, city and county polygons cut to
 * the tile and simplified for its zoom, plus one label point per region. The map of 2,833
 * counties needs only the few tiles of the viewport, each at the detail a pixel can show,
 * where the GeoJSON list sent every region of a level whole.
 */

/** Polygons reach this far past the tile edge (tile units), so outlines join without seams. */
const BUFFER = 64
/**
 * Simplification tolerance in tile units: 4 of 4096 is half a pixel of a 512-px tile. The
 * precomputed columns are ~1 km and ~100 m; a national view needs ~5 km, so this is
 * what makes a zoom-3 tile light.
 */
const SIMPLIFY_UNITS = 4

const levelsAt = (z: number) => regionTileLevels.filter((l) => z >= l.minzoom)

/**
 * One level's polygons in the tile, in Mercator metres: cut to the buffered tile in degrees
 * first (a lng/lat box is a box in Mercator too), so only what the tile shows is projected,
 * then simplified to the tile's pixel size.
 */
function areasSql(tile: TileAddress, level: RegionTileLevel): SQL {
  const [w, s, e, n] = tileLngLatBounds(tile, BUFFER / TILE_EXTENT)
  const b = tileBounds(tile)
  const tolerance = ((b.xmax - b.xmin) / TILE_EXTENT) * SIMPLIFY_UNITS
  const column = displayColumn(tile.z)
  // display_low has its own index; the other two cover the same ground as `boundary`'s.
  const indexed = tile.z < 7 ? column : sql.raw('boundary')
  const box = sql`ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`
  return sql`select code, name, level, parent_code as "parentCode",
      ST_Simplify(ST_Transform(ST_ClipByBox2D(${column}, ${box}), 3857), ${tolerance}, true) as g
    from regions where level = ${level.level} and ${indexed} && ${box}`
}

/**
 * One level's label points whose Mercator position lies in the tile, half-open, so a point
 * on an edge belongs to exactly one tile.
 */
function labelsSql(tile: TileAddress, level: RegionTileLevel): SQL {
  const b = tileBounds(tile)
  return sql`select code, name, level, mx, my from (
      select code, name, level, ST_X(p) as mx, ST_Y(p) as my
      from (select code, name, level, ST_Transform(label_point, 3857) as p from regions
        where level = ${level.level}
          and label_point && ST_Transform(ST_MakeEnvelope(${b.xmin}, ${b.ymin}, ${b.xmax},
            ${b.ymax}, 3857), 4326)) t) q
    where mx >= ${b.xmin} and mx < ${b.xmax} and my > ${b.ymin} and my <= ${b.ymax}`
}

const envelope = (tile: TileAddress) => {
  const b = tileBounds(tile)
  return sql`ST_MakeEnvelope(${b.xmin}, ${b.ymin}, ${b.xmax}, ${b.ymax}, 3857)`
}

/** The real server: ST_AsMVTGeom + ST_AsMVT per layer, the layers' bytes concatenated. */
export function postgisRegionTileSql(tile: TileAddress): SQL {
  const layers = levelsAt(tile.z).flatMap((level) => [
    sql`(select coalesce(ST_AsMVT(m, ${level.areas}, ${TILE_EXTENT}, 'geom'), ''::bytea) from (
        select ST_AsMVTGeom(r.g, ${envelope(tile)}, ${TILE_EXTENT}, ${BUFFER}, true) as geom,
          r.code, r.name, r.level, r."parentCode"
        from (${areasSql(tile, level)}) r) m where m.geom is not null)`,
    sql`(select coalesce(ST_AsMVT(m, ${level.labels}, ${TILE_EXTENT}, 'geom'), ''::bytea) from (
        select ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(l.mx, l.my), 3857), ${envelope(tile)},
          ${TILE_EXTENT}, 0, false) as geom, l.code, l.name, l.level
        from (${labelsSql(tile, level)}) l) m)`,
  ])
  return sql`select ${sql.join(layers, sql` || `)} as mvt`
}

/**
 * The embedded engine has no ST_AsMVTGeom: the same polygons are moved to tile units, snapped
 * to whole units and repaired in SQL (what ST_AsMVTGeom does), then encoded in JS.
 */
export function embeddedAreasSql(tile: TileAddress, level: RegionTileLevel): SQL {
  const b = tileBounds(tile)
  const scale = TILE_EXTENT / (b.xmax - b.xmin)
  const inTile = sql`ST_SnapToGrid(ST_Affine(r.g, ${scale}, 0, 0, ${-scale},
    ${-b.xmin * scale}, ${b.ymax * scale}), 1)`
  return sql`select code, name, level, "parentCode", ST_AsGeoJSON(t) as geojson from (
      select r.code, r.name, r.level, r."parentCode",
        ST_CollectionExtract(ST_MakeValid(${inTile}), 3) as t
      from (${areasSql(tile, level)}) r) q
    where not ST_IsEmpty(t)`
}

interface AreaRow {
  code: string
  name: string
  level: string
  parentCode: string | null
  geojson: string
}

async function embeddedRegionTile(database: Database, tile: TileAddress): Promise<Uint8Array> {
  const b = tileBounds(tile)
  const scale = TILE_EXTENT / (b.xmax - b.xmin)
  const layers: Record<string, EncodedLayer> = {}
  for (const level of levelsAt(tile.z)) {
    const areas = await database.db.execute(embeddedAreasSql(tile, level))
    layers[level.areas] = polygonFeatures(
      (areas.rows as unknown as AreaRow[]).map((row): TilePolygon => {
        const g = JSON.parse(row.geojson) as
          | { type: 'Polygon'; coordinates: [number, number][][] }
          | { type: 'MultiPolygon'; coordinates: [number, number][][][] }
        const { geojson: _, ...properties } = row
        return {
          polygons: g.type === 'Polygon' ? [g.coordinates] : g.coordinates,
          properties,
        }
      }),
    )
    const labels = await database.db.execute(labelsSql(tile, level))
    layers[level.labels] = pointFeatures(
      (labels.rows as { code: string; name: string; level: string; mx: number; my: number }[]).map(
        ({ mx, my, ...properties }) => ({
          x: Math.round((Number(mx) - b.xmin) * scale),
          y: Math.round((b.ymax - Number(my)) * scale),
          properties,
        }),
      ),
    )
  }
  return encodeLayers(layers)
}

/** One region tile as MVT bytes (empty when the tile holds no region), on either engine. */
export async function renderRegionTile(database: Database, tile: TileAddress): Promise<Uint8Array> {
  if (database.engine === 'pglite') return embeddedRegionTile(database, tile)
  const mvt = await database.db.transaction(async (tx) => {
    // As for the registry tiles: the plan's cost crosses the JIT threshold for no gain.
    await tx.execute(sql`set local jit = off`)
    const result = await tx.execute(postgisRegionTileSql(tile))
    return (result.rows[0] as { mvt: Uint8Array | null } | undefined)?.mvt
  })
  return mvt ? new Uint8Array(mvt) : new Uint8Array()
}
