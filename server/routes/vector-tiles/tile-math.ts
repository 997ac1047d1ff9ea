/** Web Mercator tile arithmetic (EPSG:3857), the tile pyramid MapLibre asks for. */

/** Half the width of the Web Mercator square, metres. */
export const MERCATOR_HALF = 20037508.342789244
/** Units across one tile in the encoded MVT (the MapLibre default). */
export const TILE_EXTENT = 4096
/** Highest zoom served: points need nothing finer. */
export const MAX_TILE_ZOOM = 22

export interface TileAddress {
  z: number
  x: number
  y: number
}

export interface TileBounds {
  /** Mercator metres. */
  xmin: number
  ymin: number
  xmax: number
  ymax: number
}

/** The tile's square in Mercator metres (as ST_TileEnvelope), optionally grown by `margin` of its width. */
export function tileBounds({ z, x, y }: TileAddress, margin = 0): TileBounds {
  const size = (2 * MERCATOR_HALF) / 2 ** z
  const xmin = -MERCATOR_HALF + x * size
  const ymax = MERCATOR_HALF - y * size
  return {
    xmin: xmin - margin * size,
    ymin: ymax - size - margin * size,
    xmax: xmin + size + margin * size,
    ymax: ymax + margin * size,
  }
}

const toLng = (mx: number) => (mx / MERCATOR_HALF) * 180
const toLat = (my: number) =>
  (Math.atan(Math.exp((my / MERCATOR_HALF) * Math.PI)) * 360) / Math.PI - 90

/** The same square in WGS84 degrees, for an index-friendly `location && envelope` filter. */
export function tileLngLatBounds(tile: TileAddress, margin = 0): [number, number, number, number] {
  const b = tileBounds(tile, margin)
  const clampY = (v: number) => Math.max(-MERCATOR_HALF, Math.min(MERCATOR_HALF, v))
  return [toLng(b.xmin), toLat(clampY(b.ymin)), toLng(b.xmax), toLat(clampY(b.ymax))]
}

/** Mercator metres → integer tile coordinates (y down), what ST_AsMVTGeom computes. */
export function toTileCoords(b: TileBounds, mx: number, my: number): [number, number] {
  const width = b.xmax - b.xmin
  return [
    Math.round(((mx - b.xmin) / width) * TILE_EXTENT),
    Math.round(((b.ymax - my) / width) * TILE_EXTENT),
  ]
}
