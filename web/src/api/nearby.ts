import { queryOptions, useQuery } from '@tanstack/react-query'
import type {
  NearbyQueryInput,
  NearbyResult,
} from '../../../server/routes/nearby/nearby.schemas.ts'
import { useSignedIn } from './auth.ts'
import { getJson } from './http.ts'

export type { NearbyItem, NearbyResult } from '../../../server/routes/nearby/nearby.schemas.ts'

/** The server query's keys (its zod input), sent as numbers. */
type NearbyKey = ('lng' | 'lat' | 'radiusKm') & keyof NearbyQueryInput
export type NearbyParams = { [K in NearbyKey]: number }

export const nearbyKeys = {
  all: ['nearby'] as const,
  around: (p: NearbyParams) => [...nearbyKeys.all, p] as const,
}

export const nearbyQuery = (p: NearbyParams) =>
  queryOptions({
    queryKey: nearbyKeys.around(p),
    queryFn: ({ signal }) => getJson<NearbyResult>('/api/nearby', { query: { ...p }, signal }),
    staleTime: 30 * 1000,
  })

/** Hazard sources and resources around a point, nearest first; nothing without a session. */
export function useNearby(p: NearbyParams | null) {
  const signedIn = useSignedIn()
  return useQuery({
    ...nearbyQuery(p ?? { lng: 0, lat: 0, radiusKm: 1 }),
    enabled: signedIn && p !== null,
  })
}
