import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type {
  RegionCollection,
  RegionDetail,
} from '../../../server/routes/regions/regions.schemas.ts'
import { getJson } from './http.ts'

export type RegionLevel = RegionDetail['level']

export interface RegionFilter {
  level?: RegionLevel
  parent?: string
  /** minLng, minLat, maxLng, maxLat */
  bbox?: readonly [number, number, number, number]
  /** Display zoom: pass `displayZoom(mapZoom)` so nearby zooms share one cache entry. */
  zoom?: number
}

/**
 * The server keeps three simplifications of each boundary (below z7, z7–10, z10 and up).
 * Snapping the map zoom to those tiers means zooming within a tier never refetches.
 */
export function displayZoom(mapZoom: number): number {
  return mapZoom < 7 ? 6 : mapZoom < 10 ? 9 : 10
}

export const regionKeys = {
  all: ['regions'] as const,
  lists: () => [...regionKeys.all, 'list'] as const,
  list: (filter: RegionFilter) => [...regionKeys.lists(), filter] as const,
  details: () => [...regionKeys.all, 'detail'] as const,
  detail: (code: string) => [...regionKeys.details(), code] as const,
}

export const regionsQuery = (filter: RegionFilter) =>
  queryOptions({
    queryKey: regionKeys.list(filter),
    queryFn: ({ signal }) =>
      getJson<RegionCollection>('/api/regions', {
        signal,
        query: {
          level: filter.level,
          parent: filter.parent,
          bbox: filter.bbox?.join(','),
          zoom: filter.zoom,
        },
      }),
    // Boundaries change only when the data is re-imported.
    staleTime: 60 * 60 * 1000,
  })

export const regionQuery = (code: string) =>
  queryOptions({
    queryKey: regionKeys.detail(code),
    queryFn: ({ signal }) =>
      getJson<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
    staleTime: 10 * 60 * 1000,
  })

/** Regions as GeoJSON. While a new zoom tier loads, the previous geometry stays on screen. */
export function useRegions(filter: RegionFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...regionsQuery(filter),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  })
}

export function useRegion(code: string | undefined) {
  return useQuery({ ...regionQuery(code ?? ''), enabled: code !== undefined })
}
