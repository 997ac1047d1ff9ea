// Small geometry helpers shared by the source loaders. Coordinates are [lon, lat] degrees.
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson'

export type BBox = [west: number, south: number, east: number, north: number]
export type Ring = Position[]

/** Every ring (outer and holes) of a polygonal geometry; other types have none. */
export function ringsOf(geometry: Geometry | null | undefined): Ring[] {
  if (!geometry) return []
  if (geometry.type === 'Polygon') return geometry.coordinates
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat()
  return []
}

/** Polygons as a list of ring lists, whatever the input type. */
export function polygonsOf(geometry: Geometry | null | undefined): Ring[][] {
  if (!geometry) return []
  if (geometry.type === 'Polygon') return [geometry.coordinates]
  if (geometry.type === 'MultiPolygon') return geometry.coordinates
  return []
}

export function bboxOfPositions(positions: Iterable<Position>): BBox {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (const [x = 0, y = 0] of positions) {
    if (x < w) w = x
    if (x > e) e = x
    if (y < s) s = y
    if (y > n) n = y
  }
  return [w, s, e, n]
}

export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1]
}

type Inside = (p: Position) => boolean
type Cross = (a: Position, b: Position) => Position

function clipAgainst(ring: Ring, inside: Inside, cross: Cross): Ring {
  const out: Ring = []
  const last = ring[ring.length - 1]
  if (!last) return out
  let prev = last
  for (const cur of ring) {
    const curIn = inside(cur)
    const prevIn = inside(prev)
    if (curIn) {
      if (!prevIn) out.push(cross(prev, cur))
      out.push(cur)
    } else if (prevIn) {
      out.push(cross(prev, cur))
    }
    prev = cur
  }
  return out
}

const lerpX = (a: Position, b: Position, x: number): Position => {
  const [ax = 0, ay = 0] = a
  const [bx = 0, by = 0] = b
  return [x, ay + ((by - ay) * (x - ax)) / (bx - ax)]
}
const lerpY = (a: Position, b: Position, y: number): Position => {
  const [ax = 0, ay = 0] = a
  const [bx = 0, by = 0] = b
  return [ax + ((bx - ax) * (y - ay)) / (by - ay), y]
}

/**
 * Sutherland–Hodgman clip of one ring to a box. The result may run along the box edge, which is
 * harmless for fills: those edges lie outside the area the tiles cover. Clipping before tiling
 * keeps geojson-vt from slicing the whole-world land polygon at every zoom.
 */
export function clipRing(ring: Ring, [w, s, e, n]: BBox): Ring {
  let r = ring
  r = clipAgainst(
    r,
    (p) => (p[0] ?? 0) >= w,
    (a, b) => lerpX(a, b, w),
  )
  r = clipAgainst(
    r,
    (p) => (p[0] ?? 0) <= e,
    (a, b) => lerpX(a, b, e),
  )
  r = clipAgainst(
    r,
    (p) => (p[1] ?? 0) >= s,
    (a, b) => lerpY(a, b, s),
  )
  r = clipAgainst(
    r,
    (p) => (p[1] ?? 0) <= n,
    (a, b) => lerpY(a, b, n),
  )
  const first = r[0]
  if (r.length < 3 || !first) return []
  r.push([...first])
  return r
}

/** Clip a (multi)polygon to a box; null when nothing is left. */
export function clipPolygonal(geometry: Polygon | MultiPolygon, box: BBox): MultiPolygon | null {
  const polygons: Ring[][] = []
  for (const polygon of polygonsOf(geometry)) {
    const [outer, ...holes] = polygon
    if (!outer || !bboxIntersects(bboxOfPositions(outer), box)) continue
    const clippedOuter = clipRing(outer, box)
    if (clippedOuter.length < 4) continue
    const clippedHoles = holes.map((h) => clipRing(h, box)).filter((h) => h.length >= 4)
    polygons.push([clippedOuter, ...clippedHoles])
  }
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null
}

/** Signed area in square degrees (shoelace); only used to rank parts, so no projection. */
export function ringArea(ring: Ring): number {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? []
    const [bx = 0, by = 0] = ring[i + 1] ?? []
    sum += ax * by - bx * ay
  }
  return sum / 2
}

export function ringLength(ring: Ring): number {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? []
    const [bx = 0, by = 0] = ring[i + 1] ?? []
    sum += Math.hypot(bx - ax, by - ay)
  }
  return sum
}

/**
 * Makes a ring's longitudes continuous: TopoJSON rings that cross the antimeridian jump from
 * 180 to -180, which a tiler draws as an edge across the whole world. A ring around a pole
 * (Antarctica) ends 360° from its start and is closed along that pole.
 */
function unwrapRing(ring: Ring): Ring {
  const out: Ring = []
  let shift = 0
  let prevX: number | undefined
  for (const [x = 0, y = 0] of ring) {
    if (prevX !== undefined) {
      const d = x + shift - prevX
      if (d > 180) shift -= 360
      else if (d < -180) shift += 360
    }
    prevX = x + shift
    out.push([x + shift, y])
  }
  const [fx = 0, fy = 0] = out[0] ?? []
  const [lx = 0] = out[out.length - 1] ?? []
  if (Math.abs(lx - fx) > 180) {
    const pole = fy < 0 ? -90 : 90
    out.push([lx, pole], [fx, pole], [fx, fy])
  }
  return out
}

/** A world polygon as parts that each stay within -180..180 (split at the antimeridian). */
export function splitAtAntimeridian(polygon: Ring[]): Ring[][] {
  const unwrapped = polygon.map(unwrapRing)
  // Each ring is unwrapped from its own first vertex; move holes into the outer ring's frame.
  const centre = (r: Ring): number => {
    const [w, , e] = bboxOfPositions(r)
    return (w + e) / 2
  }
  const outer = unwrapped[0]
  if (outer) {
    for (let i = 1; i < unwrapped.length; i++) {
      const ring = unwrapped[i] ?? []
      const shift = 360 * Math.round((centre(outer) - centre(ring)) / 360)
      if (shift !== 0) unwrapped[i] = ring.map(([x = 0, y = 0]) => [x + shift, y])
    }
  }
  const [w, , e] = bboxOfPositions(unwrapped.flat())
  const parts: Ring[][] = []
  for (const shift of [-360, 0, 360]) {
    if (e + shift <= -180 || w + shift >= 180) continue
    const moved = unwrapped.map((r) => r.map(([x = 0, y = 0]) => [x + shift, y]))
    const clipped = clipPolygonal({ type: 'Polygon', coordinates: moved }, [-180, -90, 180, 90])
    if (clipped) parts.push(...clipped.coordinates)
  }
  return parts
}
