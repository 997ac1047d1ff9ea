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

/** A polygon feature in tile coordinates: GeoJSON MultiPolygon rings, y down. */
export interface TilePolygon {
  polygons: readonly (readonly (readonly [number, number])[])[][]
  properties: Record<string, unknown>
}

/** Twice the signed area by the MVT spec's surveyor's formula (y down: > 0 is clockwise on screen). */
function signedArea(ring: readonly (readonly [number, number])[]): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1]
  }
  return sum
}

/**
 * MVT tells a polygon's outer ring from its holes by winding alone (outer > 0, holes < 0),
 * whatever order PostGIS returned them in: rewind each ring to its role, and drop rings the
 * snap to whole tile units flattened to nothing.
 */
export function windRings(polygons: TilePolygon['polygons']): [number, number][][] {
  const rings: [number, number][][] = []
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      const area = signedArea(ring)
      if (ring.length < 4 || area === 0) return
      const copy = ring.map(([x, y]) => [x, y] as [number, number])
      const outer = index === 0
      rings.push(outer === area > 0 ? copy : copy.reverse())
    })
  }
  return rings
}

/** One MVT layer of points or polygons, as vt-pbf takes it. */
export type EncodedLayer = { type: 1 | 3; geometry: unknown; tags: ReturnType<typeof tags> }[]

export const polygonFeatures = (polygons: readonly TilePolygon[]): EncodedLayer =>
  polygons
    .map((p) => ({ type: 3 as const, geometry: windRings(p.polygons), tags: tags(p.properties) }))
    .filter((f) => f.geometry.length > 0)

export const pointFeatures = (points: readonly TilePoint[]): EncodedLayer =>
  points.map((p) => ({ type: 1 as const, geometry: [[p.x, p.y]], tags: tags(p.properties) }))

/** Several layers in one tile; empty layers are left out. */
export function encodeLayers(layers: Record<string, EncodedLayer>): Uint8Array {
  const present = Object.fromEntries(
    Object.entries(layers)
      .filter(([, features]) => features.length > 0)
      .map(([name, features]) => [name, { features }]),
  )
  if (Object.keys(present).length === 0) return new Uint8Array()
  return vtpbf.fromGeojsonVt(present as never, { version: 2, extent: TILE_EXTENT })
}
