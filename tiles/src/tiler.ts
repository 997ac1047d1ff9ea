// Cuts GeoJSON into Mapbox Vector Tiles with geojson-vt and vt-pbf, one index per source.
import { gzipSync } from 'node:zlib'
import type { Feature } from 'geojson'
import GeoJSONVT, { type LegacyFeature } from 'geojson-vt'
import vtpbf from 'vt-pbf'
import type { BBox } from './geo'

/** One batch of features for one tile layer, tiled from minzoom to maxzoom. */
export interface LayerSource {
  layer: string
  minzoom: number
  maxzoom: number
  features: Feature[]
  /** geojson-vt simplification tolerance in tile units; lower keeps more detail. */
  tolerance?: number
}

/** Internal property: features appear only from this zoom on (labels per admin level). */
export const MINZOOM_PROP = '_minzoom'

export interface TilePlan {
  z: number
  box: BBox
}

export interface TileOptions {
  extent: number
  buffer: number
}

function lat2tile(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180
  return ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z
}

/** Tile columns and rows covering a box at zoom z. */
export function* tilesInBox(z: number, [w, s, e, n]: BBox): Generator<[number, number]> {
  const max = 2 ** z - 1
  const clamp = (v: number): number => Math.min(max, Math.max(0, Math.floor(v)))
  const x0 = clamp(((w + 180) / 360) * 2 ** z)
  const x1 = clamp(((e + 180) / 360) * 2 ** z)
  const y0 = clamp(lat2tile(Math.min(n, 85.05), z))
  const y1 = clamp(lat2tile(Math.max(s, -85.05), z))
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield [x, y]
}

interface Indexed {
  source: LayerSource
  index: GeoJSONVT
}

export interface TileStats {
  tiles: number
  empty: number
  perZoom: Record<number, number>
}

/**
 * Yields gzip-compressed MVT bytes for every non-empty tile in the plan. Tiles with no feature
 * at all (open sea) are skipped: the style's background is the sea colour.
 */
export function* cutTiles(
  sources: readonly LayerSource[],
  plan: readonly TilePlan[],
  options: TileOptions,
  stats: TileStats,
): Generator<{ z: number; x: number; y: number; data: Buffer }> {
  const indexed: Indexed[] = sources
    .filter((source) => source.features.length > 0)
    .map((source) => ({
      source,
      index: new GeoJSONVT(
        { type: 'FeatureCollection', features: source.features },
        {
          maxZoom: source.maxzoom,
          indexMaxZoom: Math.min(5, source.maxzoom),
          tolerance: source.tolerance ?? 3,
          extent: options.extent,
          buffer: options.buffer,
        },
      ),
    }))

  for (const { z, box } of plan) {
    for (const [x, y] of tilesInBox(z, box)) {
      const layers: Record<string, { features: LegacyFeature[] }> = {}
      let count = 0
      for (const { source, index } of indexed) {
        if (z < source.minzoom || z > source.maxzoom) continue
        const tile = index.getTile(z, x, y)
        if (!tile) continue
        const features: LegacyFeature[] = []
        for (const f of tile.features) {
          const tags = f.tags ?? {}
          const minzoom = tags[MINZOOM_PROP]
          if (typeof minzoom === 'number' && minzoom > z) continue
          if (minzoom !== undefined) {
            const { [MINZOOM_PROP]: _drop, ...rest } = tags
            features.push({ ...f, tags: rest })
          } else {
            features.push(f)
          }
        }
        if (features.length === 0) continue
        const layer = (layers[source.layer] ??= { features: [] })
        layer.features.push(...features)
        count += features.length
      }
      if (count === 0) {
        stats.empty++
        continue
      }
      const pbf = vtpbf.fromGeojsonVt(layers, { version: 2, extent: options.extent })
      stats.tiles++
      stats.perZoom[z] = (stats.perZoom[z] ?? 0) + 1
      yield { z, x, y, data: gzipSync(pbf, { level: 9 }) }
    }
  }
}
