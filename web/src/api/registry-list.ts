import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { FeatureCollection, Point } from 'geojson'
import { useSignedIn } from './auth.ts'
import { getJson, type QueryParams } from './http.ts'

/** minLng, minLat, maxLng, maxLat */
export type Bbox = readonly [number, number, number, number]

/**
 * Snaps a viewport outward to a grid that coarsens as the map zooms out, so small pans reuse
 * the cached list and the query key stays short.
 */
export function roundBbox(bbox: Bbox, zoom: number): Bbox {
  const step = Math.max(0.01, 45 / 2 ** Math.floor(zoom))
  const down = (v: number) => Math.floor(v / step) * step
  const up = (v: number) => Math.ceil(v / step) * step
  const fix = (v: number) => Number(v.toFixed(4))
  return [
    fix(Math.max(-180, down(bbox[0]))),
    fix(Math.max(-85, down(bbox[1]))),
    fix(Math.min(180, up(bbox[2]))),
    fix(Math.min(85, up(bbox[3]))),
  ]
}

/** A layer's list filters as query parameters (built by filters/list-params.ts). */
export type ListFilterParams = Readonly<QueryParams>

/** A registry list as the API returns it: points with the record id as the feature id. */
export type RegistryCollection<P> = FeatureCollection<Point, P>

export const emptyCollection: RegistryCollection<never> = {
  type: 'FeatureCollection',
  features: [],
}

/**
 * Keys, queries and hooks for one registry resource (`/api/<path>` list by bbox, and
 * `/api/<path>/:id`). Each resource module instantiates this once with its own types.
 * Every query waits for a session: signed out, the registry is not asked at all.
 */
export function registryApi<Properties, Detail>(path: string) {
  const keys = {
    all: [path] as const,
    lists: () => [...keys.all, 'list'] as const,
    /** Filters (filters/list-params.ts) are part of the key: each filter set caches apart. */
    inBbox: (bbox: Bbox, params: ListFilterParams = {}) =>
      [...keys.lists(), { bbox, ...params }] as const,
    details: () => [...keys.all, 'detail'] as const,
    detail: (id: string) => [...keys.details(), id] as const,
  }

  const inBboxQuery = (bbox: Bbox, params: ListFilterParams = {}) =>
    queryOptions({
      queryKey: keys.inBbox(bbox, params),
      queryFn: ({ signal }) =>
        getJson<RegistryCollection<Properties>>(`/api/${path}`, {
          signal,
          query: { ...params, bbox: bbox.join(',') },
        }),
      staleTime: 60 * 1000,
    })

  const detailQuery = (id: string) =>
    queryOptions({
      queryKey: keys.detail(id),
      queryFn: ({ signal }) =>
        getJson<Detail>(`/api/${path}/${encodeURIComponent(id)}`, { signal }),
      staleTime: 30 * 1000,
    })

  /** The features in a (rounded) viewport; the previous viewport's stay drawn while loading. */
  function useInBbox(
    bbox: Bbox | undefined,
    options: { enabled?: boolean; params?: ListFilterParams } = {},
  ) {
    const signedIn = useSignedIn()
    return useQuery({
      ...inBboxQuery(bbox ?? [0, 0, 0, 0], options.params),
      enabled: signedIn && bbox !== undefined && (options.enabled ?? true),
      placeholderData: keepPreviousData,
    })
  }

  function useDetail(id: string) {
    const signedIn = useSignedIn()
    return useQuery({ ...detailQuery(id), enabled: signedIn })
  }

  return { keys, inBboxQuery, detailQuery, useInBbox, useDetail }
}
