import { queryOptions, useQuery } from '@tanstack/react-query'
import type { RegionDetail } from '../../../server/routes/regions/regions.schemas.ts'
import { getJson } from './http.ts'

export type RegionLevel = RegionDetail['level']

export const regionKeys = {
  all: ['regions'] as const,
  details: () => [...regionKeys.all, 'detail'] as const,
  detail: (code: string) => [...regionKeys.details(), code] as const,
}

export const regionQuery = (code: string) =>
  queryOptions({
    queryKey: regionKeys.detail(code),
    queryFn: ({ signal }) =>
      getJson<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
    staleTime: 10 * 60 * 1000,
  })

export function useRegion(code: string | undefined) {
  return useQuery({ ...regionQuery(code ?? ''), enabled: code !== undefined })
}
