/**
 * Small geographic helpers. Coordinates are WGS84 / CGCS2000 (EPSG:4326), as GeoJSON orders
 * them: [longitude, latitude] in degrees.
 */
import { InvalidInputError } from '../shared/errors'

export type LngLat = readonly [lng: number, lat: number]

/**
 * A generous box around China's territory (mainland, Hainan, Taiwan and the South China Sea
 * islands down to 曾母暗沙 at about 3°58′ N): 73.4–135.1° E, 3.3–53.6° N, edges included. A sanity
 * check for data entry — a point outside is surely wrong (often lat/lng swapped), a point
 * inside may still be outside China.
 */
export const CHINA_EXTENT = { west: 73.4, east: 135.1, south: 3.3, north: 53.6 } as const

export function isInChinaExtent(lng: number, lat: number): boolean {
  return (
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    lng >= CHINA_EXTENT.west &&
    lng <= CHINA_EXTENT.east &&
    lat >= CHINA_EXTENT.south &&
    lat <= CHINA_EXTENT.north
  )
}

/** IUGG mean Earth radius R₁, km. */
export const EARTH_MEAN_RADIUS_KM = 6371.0088

const rad = (deg: number) => (deg * Math.PI) / 180

function checkPoint(p: LngLat, field: string): void {
  const [lng, lat] = p
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new InvalidInputError(
      field,
      `${field} must be [lng, lat] with finite values, lat within ±90`,
    )
  }
}

/**
 * Great-circle distance on a sphere of the mean Earth radius (haversine formula; accurate to
 * ~0.5 % against the ellipsoid, fine for "which team is nearest" and ETA estimates).
 */
export function greatCircleKm(a: LngLat, b: LngLat): number {
  checkPoint(a, 'a')
  checkPoint(b, 'b')
  const dLat = rad(b[1] - a[1])
  const dLng = rad(b[0] - a[0])
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2
  // Clamp: rounding can push h a hair above 1 for antipodal points.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)))
}
