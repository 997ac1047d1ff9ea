/**
 * CAP 1.2 (OASIS Common Alerting Protocol) as plain data: what an XML document holds, in
 * the element order the schema's sequences require. XML text is built and parsed in
 * server/routes/alerts/cap/ (I/O); here are only the model and its mapping to our alerts.
 */
import type { LngLat, Ring } from './alert-shape.ts'

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'
export const capStatuses = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const
export const capMsgTypes = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const
export const capScopes = ['Public', 'Restricted', 'Private'] as const
export const capUrgencies = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const
export const capCertainties = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const

/** Geocode valueName we write for GB/T 2260 region codes (any valueName holding "2260" is read). */
export const GEOCODE_GB2260 = 'GB/T 2260'

export interface CapValue {
  valueName: string
  value: string
}

export interface CapArea {
  areaDesc: string
  polygon: string[]
  circle: string[]
  geocode: CapValue[]
}

export interface CapInfo {
  language: string
  category: string[]
  event: string
  urgency: string
  severity: string
  certainty: string
  audience?: string
  effective?: string
  onset?: string
  expires?: string
  senderName?: string
  headline?: string
  description?: string
  instruction?: string
  parameter: CapValue[]
  area: CapArea[]
}

export interface CapAlert {
  identifier: string
  sender: string
  sent: string
  status: string
  msgType: string
  scope: string
  note?: string
  references?: string
  info: CapInfo[]
}

/** CAP dateTime: seconds and a numeric offset (`Z` is not allowed by the 1.2 schema). */
export const capDateTimePattern = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/

export function parseCapDateTime(s: string): Date | null {
  if (!capDateTimePattern.test(s)) return null
  const t = Date.parse(s)
  return Number.isNaN(t) ? null : new Date(t)
}

const coord = (n: number) => String(Math.round(n * 1e6) / 1e6)

/** A GeoJSON ring ([lng, lat] …) as a CAP polygon: "lat,lon lat,lon …", first = last. */
export function ringToCapPolygon(ring: Ring): string {
  const closed =
    ring.length > 0 && (ring[0]![0] !== ring.at(-1)![0] || ring[0]![1] !== ring.at(-1)![1])
      ? [...ring, ring[0]!]
      : ring
  return closed.map(([lng, lat]) => `${coord(lat)},${coord(lng)}`).join(' ')
}

const pair = (s: string): LngLat | null => {
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(s)
  if (!m) return null
  const lat = Number(m[1])
  const lng = Number(m[2])
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
  return [lng, lat]
}

/** A CAP polygon as a GeoJSON ring, or the reason it is not one. */
export function capPolygonToRing(s: string): Ring | string {
  const parts = s.trim().split(/\s+/)
  const ring: LngLat[] = []
  for (const p of parts) {
    const point = pair(p)
    if (!point) return `"${p.slice(0, 40)}" is not a "lat,lon" pair in range`
    ring.push(point)
  }
  if (ring.length < 4) return 'a polygon needs at least 4 points'
  const [a, z] = [ring[0]!, ring.at(-1)!]
  if (a[0] !== z[0] || a[1] !== z[1]) return 'the first and last points must be the same'
  return ring
}

export function circleToCap(center: LngLat, radiusM: number): string {
  return `${coord(center[1])},${coord(center[0])} ${Math.round(radiusM) / 1000}`
}

export function capCircle(s: string): { center: LngLat; radiusM: number } | string {
  const m = /^(\S+)\s+(\d+(?:\.\d+)?)$/.exec(s.trim())
  const center = m ? pair(m[1]!) : null
  if (!m || !center) return 'a circle is "lat,lon radius" (radius in km)'
  const radiusKm = Number(m[2])
  if (!(radiusKm > 0)) return 'the radius must be more than 0 km'
  return { center, radiusM: Math.round(radiusKm * 1000) }
}

const EARTH_RADIUS_M = 6_371_008.8

/** A circle on the sphere as a closed ring of `n` points (for storage and spatial queries). */
export function circleRing(center: LngLat, radiusM: number, n = 64): Ring {
  const [lng0, lat0] = center.map((d) => (d * Math.PI) / 180) as [number, number]
  const d = radiusM / EARTH_RADIUS_M
  const ring: Ring = []
  for (let i = 0; i < n; i++) {
    const bearing = (2 * Math.PI * i) / n
    const lat = Math.asin(
      Math.sin(lat0) * Math.cos(d) + Math.cos(lat0) * Math.sin(d) * Math.cos(bearing),
    )
    const lng =
      lng0 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(d) * Math.cos(lat0),
        Math.cos(d) - Math.sin(lat0) * Math.sin(lat),
      )
    ring.push([
      Math.round(((lng * 180) / Math.PI) * 1e6) / 1e6,
      Math.round(((lat * 180) / Math.PI) * 1e6) / 1e6,
    ])
  }
  ring.push(ring[0]!)
  return ring
}
