import { distance } from '@turf/turf'
import type { LngLatTuple } from '../state/panels.ts'

/** Great-circle distance in metres between two [lng, lat] points. */
export const metresBetween = (a: LngLatTuple, b: LngLatTuple): number =>
  distance(a, b, { units: 'meters' })

/** "35 m" below a kilometre, "1.24 km" above: the precision a field officer can act on. */
export function formatDistance(metres: number, locale: string): string {
  if (metres < 1000) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(metres)} m`
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(metres / 1000)} km`
}
