// Where to put an area's name: a point deep inside its largest part (an approximate "pole of
// inaccessibility"). Centroids of curved shapes such as 甘肃 or 内蒙古 fall outside or near an
// edge. A coarse grid then a finer one around the best cell is plenty for label placement.
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { bboxOfPositions, polygonsOf, ringArea, type Ring } from './geo'

function pointInRings(x: number, y: number, rings: readonly Ring[]): boolean {
  let inside = false
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? []
      const [xj = 0, yj = 0] = ring[j] ?? []
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
  }
  return inside
}

function distToRings(x: number, y: number, rings: readonly Ring[], kx: number): number {
  let best = Infinity
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i] ?? []
      const [bx = 0, by = 0] = ring[i + 1] ?? []
      // Scale longitude by cos(lat) so "deep inside" is measured in ground distance.
      const dx = (bx - ax) * kx
      const dy = by - ay
      const px = (x - ax) * kx
      const py = y - ay
      const len = dx * dx + dy * dy
      const t = len > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len)) : 0
      const d = (px - t * dx) ** 2 + (py - t * dy) ** 2
      if (d < best) best = d
    }
  }
  return Math.sqrt(best)
}

export function labelPoint(geometry: Polygon | MultiPolygon): Position | undefined {
  const parts = polygonsOf(geometry)
  let largest: Ring[] | undefined
  let largestArea = -1
  for (const part of parts) {
    const area = Math.abs(ringArea(part[0] ?? []))
    if (area > largestArea) {
      largest = part
      largestArea = area
    }
  }
  const outer = largest?.[0]
  if (!largest || !outer) return undefined
  const [w, s, e, n] = bboxOfPositions(outer)
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180)
  let best: Position | undefined
  let bestDist = -1
  const search = (x0: number, y0: number, x1: number, y1: number, steps: number): void => {
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const x = x0 + ((x1 - x0) * i) / steps
        const y = y0 + ((y1 - y0) * j) / steps
        if (!pointInRings(x, y, largest)) continue
        const d = distToRings(x, y, largest, kx)
        if (d > bestDist) {
          bestDist = d
          best = [x, y]
        }
      }
    }
  }
  search(w, s, e, n, 24)
  const [bx, by] = best ?? []
  if (bx !== undefined && by !== undefined) {
    const cw = (e - w) / 24
    const ch = (n - s) / 24
    search(bx - cw, by - ch, bx + cw, by + ch, 12)
  }
  return best ?? outer[0]
}
