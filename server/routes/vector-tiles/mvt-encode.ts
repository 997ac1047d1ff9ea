import vtpbf from 'vt-pbf'
import { TILE_EXTENT } from './tile-math.ts'

export interface TilePoint {
  /** Tile coordinates, 0…TILE_EXTENT (may stray into the buffer around the tile). */
  x: number
  y: number
  properties: Record<string, unknown>
}

/** MVT values are strings, numbers and booleans; anything else is dropped or stringified. */
function tags(properties: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue
    out[key] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value)
  }
  return out
}

/**
 * One MVT layer of points, encoded in JS: the embedded PostGIS is built without protobuf, so
 * it has no ST_AsMVT. The geometry arrives already in tile coordinates.
 */
export function encodePointLayer(name: string, points: readonly TilePoint[]): Uint8Array {
  const features = points.map((p) => ({
    type: 1,
    geometry: [[p.x, p.y]],
    tags: tags(p.properties),
  }))
  return vtpbf.fromGeojsonVt({ [name]: { features } }, { version: 2, extent: TILE_EXTENT })
}
