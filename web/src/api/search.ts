import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { SearchResult } from '../../../server/routes/search/search.schemas.ts'
import { useSignedIn } from './auth.ts'
import { getJson } from './http.ts'

export type { SearchKind, SearchResult } from '../../../server/routes/search/search.schemas.ts'

export const searchKeys = {
  all: ['search'] as const,
  query: (q: string, limit: number) => [...searchKeys.all, { q, limit }] as const,
}

export const searchQuery = (q: string, limit = 20) =>
  queryOptions({
    queryKey: searchKeys.query(q, limit),
    queryFn: ({ signal }) =>
      getJson<SearchResult[]>('/api/search', { query: { q, limit }, signal }),
    staleTime: 30 * 1000,
  })

/** Name search across regions and the registry; runs only with a session and a query. */
export function useSearch(q: string, limit = 20) {
  const signedIn = useSignedIn()
  const trimmed = q.trim().slice(0, 50)
  return useQuery({
    ...searchQuery(trimmed, limit),
    enabled: signedIn && trimmed.length > 0,
    placeholderData: keepPreviousData,
  })
}
