import { useMemo } from 'react'
import { distance } from '@turf/turf'
import { useEnterprisesInBbox } from '../api/enterprises.ts'
import { useHazardSourcesInBbox } from '../api/hazard-sources.ts'
import type { Bbox } from '../api/registry-list.ts'
import type { LngLatTuple } from '../state/panels.ts'

/** About 3 km around the report: the enterprise on fire is next door, not in the next city. */
const RADIUS_DEG = 0.03
const MAX_SUGGESTIONS = 6

export interface NearbyRecord {
  id: string
  name: string
  km: number
  /** For a hazard source, the enterprise it belongs to. */
  enterpriseId?: string
}

function boxAround([lng, lat]: LngLatTuple): Bbox {
  const round = (v: number) => Number(v.toFixed(3))
  return [
    round(lng - RADIUS_DEG),
    round(lat - RADIUS_DEG),
    round(lng + RADIUS_DEG),
    round(lat + RADIUS_DEG),
  ]
}

function nearest<P extends { name: string }>(
  point: LngLatTuple,
  features: { id?: string | number; geometry: { coordinates: number[] }; properties: P }[],
  extra: (p: P) => Partial<NearbyRecord> = () => ({}),
): NearbyRecord[] {
  return features
    .map((f) => ({
      id: String(f.id),
      name: f.properties.name,
      km: distance(point, f.geometry.coordinates as LngLatTuple, { units: 'kilometers' }),
      ...extra(f.properties),
    }))
    .sort((a, b) => a.km - b.km)
    .slice(0, MAX_SUGGESTIONS)
}

/** Enterprises and hazard sources nearest the report point (registry bbox lists, by distance). */
export function useNearby(point: LngLatTuple | undefined) {
  const bbox = point ? boxAround(point) : undefined
  const enterprises = useEnterprisesInBbox(bbox)
  const hazards = useHazardSourcesInBbox(bbox)
  return useMemo(
    () => ({
      enterprises: point ? nearest(point, enterprises.data?.features ?? []) : [],
      hazardSources: point
        ? nearest(point, hazards.data?.features ?? [], (p) => ({ enterpriseId: p.enterpriseId }))
        : [],
    }),
    [point, enterprises.data, hazards.data],
  )
}
