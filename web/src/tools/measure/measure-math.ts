import { area, length, lineString, polygon } from '@turf/turf'

export type LngLat = [lng: number, lat: number]
export type MeasureMode = 'distance' | 'area'

/** Length of the polyline through the points, in metres (geodesic on turf's sphere). */
export function lineLengthMetres(points: readonly LngLat[]): number {
  if (points.length < 2) return 0
  return length(lineString(points.map((p) => [...p])), { units: 'kilometers' }) * 1000
}

/** Area enclosed by the points (closed automatically), in square metres; 0 below 3 points. */
export function polygonAreaSquareMetres(points: readonly LngLat[]): number {
  if (points.length < 3) return 0
  const ring = [...points.map((p) => [...p]), [...points[0]!]]
  return area(polygon([ring]))
}

export interface Formatted {
  value: string
  unit: string
}

const fixed = (n: number, digits: number, locale: string) =>
  n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** Under 1 km in whole metres, above in km with 2 (under 100 km) or 1 decimals. */
export function formatDistance(metres: number, locale = 'zh-CN'): Formatted {
  if (metres < 1000) return { value: fixed(Math.round(metres), 0, locale), unit: 'm' }
  const km = metres / 1000
  return { value: fixed(km, km < 100 ? 2 : 1, locale), unit: 'km' }
}

/** Under 0.1 km² in m², above in km²; hectares (公顷, 10 000 m²) are shown beside it. */
export function formatArea(
  squareMetres: number,
  locale = 'zh-CN',
): Formatted & { hectares: string } {
  const hectares = fixed(squareMetres / 10_000, 2, locale)
  if (squareMetres < 100_000) {
    return { value: fixed(Math.round(squareMetres), 0, locale), unit: 'm²', hectares }
  }
  return { value: fixed(squareMetres / 1_000_000, 2, locale), unit: 'km²', hectares }
}
