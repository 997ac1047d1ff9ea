import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from '@hono/zod-openapi'
import type {
  activationList,
  planDiff,
  planList,
  planMatches,
  ActivationDetail,
  ActivationEnd,
  PlanCreate,
  PlanSummary,
  PlanUpdate,
  PlanVersionDetail,
  VersionContent,
} from '../../../server/routes/plans/plans.schemas.ts'
import type { ResponseLevel } from '../../../server/domain/plans/plan-shape.ts'
import { useSignedIn } from '../api/auth.ts'
import { getJson, patchJson, postJson, type QueryParams } from '../api/http.ts'
import { dispatchKeys } from '../dispatch/dispatch-api.ts'
import { incidentKeys } from '../incidents/incidents-api.ts'

export type { ActivationDetail, PlanCreate, PlanSummary, PlanUpdate, PlanVersionDetail }
export type { VersionContent }
export type PlanDetail = PlanSummary & { versions: PlanVersionDetail[] }
export type PlanList = z.infer<typeof planList>
export type PlanDiff = z.infer<typeof planDiff>
export type PlanMatches = z.infer<typeof planMatches>
export type ActivationList = z.infer<typeof activationList>

export interface PlanFilters {
  level?: string
  kind?: string
  overdue?: boolean
}

export const planKeys = {
  all: ['plans'] as const,
  list: (f: PlanFilters) => [...planKeys.all, 'list', f] as const,
  detail: (id: string) => [...planKeys.all, 'detail', id] as const,
  diff: (id: string, from: number, to: number) => [...planKeys.all, 'diff', id, from, to] as const,
  matches: (incidentId: string) => [...planKeys.all, 'matches', incidentId] as const,
  activations: (incidentId: string) => [...planKeys.all, 'activations', incidentId] as const,
}

const enc = encodeURIComponent

export function usePlanList(f: PlanFilters) {
  const signedIn = useSignedIn()
  const query: QueryParams = { level: f.level, kind: f.kind, overdue: f.overdue }
  return useQuery({
    queryKey: planKeys.list(f),
    queryFn: ({ signal }) => getJson<PlanList>('/api/plans', { signal, query }),
    enabled: signedIn,
    staleTime: 60_000,
  })
}

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => getJson<PlanDetail>(`/api/plans/${enc(id)}`, { signal }),
    staleTime: 60_000,
  })

export function usePlan(id: string) {
  const signedIn = useSignedIn()
  return useQuery({ ...planQuery(id), enabled: signedIn })
}

export function usePlanDiff(id: string, from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.diff(id, from, to),
    queryFn: ({ signal }) =>
      getJson<PlanDiff>(`/api/plans/${enc(id)}/diff`, { signal, query: { from, to } }),
    enabled,
    staleTime: Infinity,
  })
}

export function usePlanMatches(incidentId: string) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: planKeys.matches(incidentId),
    queryFn: ({ signal }) =>
      getJson<PlanMatches>(`/api/incidents/${enc(incidentId)}/plan-matches`, { signal }),
    enabled: signedIn,
    staleTime: 60_000,
  })
}

export function useActivations(incidentId: string) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: planKeys.activations(incidentId),
    queryFn: ({ signal }) =>
      getJson<ActivationList>(`/api/incidents/${enc(incidentId)}/plan-activations`, { signal }),
    enabled: signedIn,
    // Late flags move with the clock: refresh each half minute while shown.
    refetchInterval: 30_000,
  })
}

/** A plan write answers with the whole plan: into the cache, and the lists refetch. */
function usePlanWrite<V>(write: (vars: V) => Promise<PlanDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan)
      void queryClient.invalidateQueries({ queryKey: [...planKeys.all, 'list'] })
    },
  })
}

export const useVersionStatus = (id: string) =>
  usePlanWrite((v: { number: number; version: number; status: string }) =>
    postJson<PlanDetail>(`/api/plans/${enc(id)}/versions/${v.number}/status`, {
      version: v.version,
      status: v.status,
    }),
  )

export const useNewVersion = (id: string) =>
  usePlanWrite((v: { version: number; from: PlanVersionDetail }) =>
    postJson<PlanDetail>(`/api/plans/${enc(id)}/versions`, {
      version: v.version,
      responseLevels: v.from.responseLevels,
      steps: v.from.steps,
      contacts: v.from.contacts,
      body: v.from.body,
      note: '',
    }),
  )

/** 新建预案: the plan with its first version as a draft. */
export const useCreatePlan = () =>
  usePlanWrite((body: PlanCreate) => postJson<PlanDetail>('/api/plans', body))

/**
 * 编辑预案: what the plan covers (PATCH) and, when the content changed, a new draft version
 * (修订); the second write takes the version the first one answered. `onStep` hears each.
 */
export const useSavePlan = (id: string) =>
  usePlanWrite(
    async (v: {
      patch: Omit<PlanUpdate, 'version'> | null
      content: Omit<VersionContent, 'version'> | null
      version: number
      onStep: (plan: PlanDetail) => void
    }) => {
      let version = v.version
      let plan: PlanDetail | null = null
      if (v.patch) {
        plan = await patchJson<PlanDetail>(`/api/plans/${enc(id)}`, { version, ...v.patch })
        version = plan.version
        v.onStep(plan)
      }
      if (v.content) {
        plan = await postJson<PlanDetail>(`/api/plans/${enc(id)}/versions`, {
          version,
          ...v.content,
        })
        v.onStep(plan)
      }
      return plan ?? getJson<PlanDetail>(`/api/plans/${enc(id)}`)
    },
  )

export const useImportBody = (id: string) =>
  usePlanWrite((v: { version: number; fileName: string; mediaType: string; base64: string }) =>
    postJson<PlanDetail>(`/api/plans/${enc(id)}/import`, v),
  )

/** After an activation write: its list, the incident (timeline) and the candidates. */
function useActivationWrite<V>(incidentId: string, write: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.activations(incidentId) }),
        queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) }),
        queryClient.invalidateQueries({ queryKey: dispatchKeys.recommendations(incidentId) }),
      ]),
  })
}

export const useActivate = (incidentId: string) =>
  useActivationWrite(incidentId, (v: { planId: string; responseLevel: ResponseLevel }) =>
    postJson<ActivationDetail>(`/api/incidents/${enc(incidentId)}/plan-activations`, v),
  )

export const useTickStep = (incidentId: string) =>
  useActivationWrite(incidentId, (v: { activationId: string; key: string }) =>
    postJson<ActivationDetail>(
      `/api/plan-activations/${enc(v.activationId)}/steps/${enc(v.key)}/done`,
      { note: '' },
    ),
  )

/** 响应终止: the activation ends; its checklist takes no more ticks. */
export const useEndActivation = (incidentId: string) =>
  useActivationWrite(incidentId, (v: { activationId: string } & ActivationEnd) =>
    postJson<ActivationDetail>(`/api/plan-activations/${enc(v.activationId)}/end`, {
      version: v.version,
      note: v.note,
    }),
  )
