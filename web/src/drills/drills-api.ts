import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from '@hono/zod-openapi'
import type {
  DrillDetail,
  DrillReplay,
  DrillSummary,
  drillCreate,
  drillFinish,
  drillUpdate,
} from '../../../server/routes/drills/drills.schemas.ts'
import { useSignedIn } from '../api/auth.ts'
import { getJson, patchJson, postJson } from '../api/http.ts'
import { incidentKeys } from '../incidents/incidents-api.ts'

/** What the client sends: the schemas' input (defaults may be left out). */
export type DrillCreate = z.input<typeof drillCreate>
export type DrillUpdate = z.input<typeof drillUpdate>
export type DrillFinish = z.input<typeof drillFinish>
export type { DrillDetail, DrillReplay, DrillSummary }
export type Scenario = DrillCreate['scenario']
export type Injection = NonNullable<Scenario['injections']>[number]

/** What the schedule form needs of the plan library (GET /api/plans, /api/plans/{id}). */
export interface PlanChoice {
  id: string
  title: string
  inForce: number | null
  latest: number
}
export interface PlanVersionChoice {
  id: string
  number: number
  status: string
}

export const drillKeys = {
  all: ['drills'] as const,
  list: () => [...drillKeys.all, 'list'] as const,
  detail: (id: string) => [...drillKeys.all, 'detail', id] as const,
  replay: (id: string) => [...drillKeys.all, 'replay', id] as const,
  plans: () => ['plans', 'choices'] as const,
  planVersions: (planId: string) => ['plans', 'choices', planId] as const,
}

const path = (id: string, tail = '') => `/api/drills/${encodeURIComponent(id)}${tail}`

export function useDrills(enabled = true) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: drillKeys.list(),
    queryFn: ({ signal }) => getJson<{ drills: DrillSummary[] }>('/api/drills', { signal }),
    enabled: signedIn && enabled,
    staleTime: 60_000,
  })
}

export const drillQuery = (id: string) =>
  queryOptions({
    queryKey: drillKeys.detail(id),
    queryFn: ({ signal }) => getJson<DrillDetail>(path(id), { signal }),
    staleTime: 60_000,
  })

export function useDrill(id: string) {
  const signedIn = useSignedIn()
  return useQuery({ ...drillQuery(id), enabled: signedIn })
}

export function useDrillReplay(id: string, enabled: boolean) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: drillKeys.replay(id),
    queryFn: ({ signal }) => getJson<DrillReplay>(path(id, '/replay'), { signal }),
    enabled: signedIn && enabled,
  })
}

export function usePlanChoices(enabled: boolean) {
  return useQuery({
    queryKey: drillKeys.plans(),
    queryFn: ({ signal }) => getJson<{ plans: PlanChoice[] }>('/api/plans', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  })
}

export function usePlanVersions(planId: string | null) {
  return useQuery({
    queryKey: drillKeys.planVersions(planId ?? ''),
    queryFn: ({ signal }) =>
      getJson<{ versions: PlanVersionChoice[] }>(`/api/plans/${encodeURIComponent(planId!)}`, {
        signal,
      }),
    enabled: planId !== null,
    staleTime: 5 * 60_000,
  })
}

/** Writes answer with the whole drill: cache it, refresh the list (and the incident lists). */
function useDrillWrite<V>(write: (vars: V) => Promise<DrillDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: (drill) => {
      queryClient.setQueryData(drillKeys.detail(drill.id), drill)
      void queryClient.invalidateQueries({ queryKey: drillKeys.list() })
      void queryClient.invalidateQueries({ queryKey: drillKeys.replay(drill.id) })
      void queryClient.invalidateQueries({ queryKey: incidentKeys.open() })
    },
  })
}

export const useCreateDrill = () =>
  useDrillWrite((body: DrillCreate) => postJson<DrillDetail>('/api/drills', body))

export const useUpdateDrill = (id: string) =>
  useDrillWrite((body: DrillUpdate) => patchJson<DrillDetail>(path(id), body))

export const useRunDrill = (id: string) =>
  useDrillWrite((body: { version: number }) => postJson<DrillDetail>(path(id, '/run'), body))

export const useFinishDrill = (id: string) =>
  useDrillWrite((body: DrillFinish) => postJson<DrillDetail>(path(id, '/finish'), body))
