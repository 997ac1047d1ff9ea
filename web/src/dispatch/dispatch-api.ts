import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from '@hono/zod-openapi'
import type {
  dispatchCreated,
  dispatchStatusSchema,
  recommendationList,
} from '../../../server/routes/dispatches/dispatches.schemas.ts'
import { useSignedIn } from '../api/auth.ts'
import { postJson } from '../api/http.ts'
import { getJson } from '../api/http.ts'
import { resourceKeys } from '../api/resources.ts'
import { incidentKeys } from '../incidents/incidents-api.ts'

export type RecommendationList = z.infer<typeof recommendationList>
export type Recommendation = RecommendationList['candidates'][number]
export type DispatchStatus = z.infer<typeof dispatchStatusSchema>
type DispatchCreated = z.infer<typeof dispatchCreated>

/** 已派出 → 在途 → 到场 → 撤回 */
export const DISPATCH_STEPS: readonly DispatchStatus[] = [
  'dispatched',
  'en_route',
  'on_scene',
  'withdrawn',
]

export const dispatchKeys = {
  all: ['dispatch'] as const,
  recommendations: (incidentId: string) =>
    [...dispatchKeys.all, 'recommendations', incidentId] as const,
}

export const recommendationsQuery = (incidentId: string) =>
  queryOptions({
    queryKey: dispatchKeys.recommendations(incidentId),
    queryFn: ({ signal }) =>
      getJson<RecommendationList>(
        `/api/incidents/${encodeURIComponent(incidentId)}/recommendations`,
        { signal, query: { limit: 8 } },
      ),
    staleTime: 30 * 1000,
  })

export function useRecommendations(incidentId: string, enabled: boolean) {
  const signedIn = useSignedIn()
  return useQuery({ ...recommendationsQuery(incidentId), enabled: signedIn && enabled })
}

/** After a dispatch write: the incident (its dispatches), the candidates and the resources. */
function useAfterDispatch(incidentId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) }),
      queryClient.invalidateQueries({ queryKey: dispatchKeys.recommendations(incidentId) }),
      queryClient.invalidateQueries({ queryKey: resourceKeys.all }),
    ])
}

export function useDispatch(incidentId: string) {
  const after = useAfterDispatch(incidentId)
  return useMutation({
    mutationFn: (body: { resourceIds: string[]; note: string }) =>
      postJson<DispatchCreated>(
        `/api/incidents/${encodeURIComponent(incidentId)}/dispatches`,
        body,
      ),
    onSettled: after,
  })
}

export function useDispatchStatus(incidentId: string) {
  const after = useAfterDispatch(incidentId)
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: DispatchStatus }) =>
      postJson<unknown>(`/api/dispatches/${encodeURIComponent(id)}/status`, { status }),
    onSettled: after,
  })
}
