import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import type { FeatureCollection, Point } from 'geojson'
import type { z } from '@hono/zod-openapi'
import type {
  classifyResult,
  IncidentCreate,
  IncidentDetail,
  IncidentUpdate,
  incidentFeatureProperties,
  ObligationDetail,
} from '../../../server/routes/incidents/incidents.schemas.ts'
import { useSignedIn } from '../api/auth.ts'
import { useFilters, type ExerciseMode } from '../state/filters.ts'
import { getJson, postJson } from '../api/http.ts'
import { patchJson } from '../api/http.ts'

export type IncidentFeatureProperties = z.infer<typeof incidentFeatureProperties>
export type IncidentCollection = FeatureCollection<Point, IncidentFeatureProperties>
export type Classification = z.infer<typeof classifyResult>
export type { IncidentCreate, IncidentDetail, IncidentUpdate, ObligationDetail }
export type IncidentStatus = IncidentDetail['status']
export type IncidentType = IncidentDetail['type']

/** Still being handled: the list, the map layer and the dispatch lines show these. */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['reported', 'responding', 'controlled']
export const STATUS_STEPS: readonly IncidentStatus[] = [...OPEN_STATUSES, 'closed']
/** Enough for a province's open incidents; the list is one request, no bbox. */
const OPEN_LIMIT = 500

export const incidentKeys = {
  all: ['incidents'] as const,
  /** Without a mode: every open list (the prefix invalidations use). */
  open: (exercises?: ExerciseMode) =>
    exercises
      ? ([...incidentKeys.all, 'open', exercises] as const)
      : ([...incidentKeys.all, 'open'] as const),
  details: () => [...incidentKeys.all, 'detail'] as const,
  detail: (id: string) => [...incidentKeys.details(), id] as const,
  classify: (input: ClassifyInput) => [...incidentKeys.all, 'classify', input] as const,
}

export const openIncidentsQuery = (exercises: ExerciseMode = 'exclude') =>
  queryOptions({
    queryKey: incidentKeys.open(exercises),
    queryFn: ({ signal }) =>
      getJson<IncidentCollection>('/api/incidents', {
        signal,
        query: {
          status: OPEN_STATUSES.join(','),
          limit: OPEN_LIMIT,
          exercise: exercises === 'exclude' ? undefined : exercises,
        },
      }),
    // The event stream invalidates it; no polling.
    staleTime: 5 * 60 * 1000,
  })

/** Open incidents in the user's jurisdiction, newest first; exercises as the filter says. */
export function useOpenIncidents() {
  const signedIn = useSignedIn()
  const exercises = useFilters((s) => s.exercises ?? 'exclude')
  return useQuery({
    ...openIncidentsQuery(exercises),
    enabled: signedIn,
    placeholderData: keepPreviousData,
  })
}

export const incidentQuery = (id: string) =>
  queryOptions({
    queryKey: incidentKeys.detail(id),
    queryFn: ({ signal }) =>
      getJson<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, { signal }),
    staleTime: 5 * 60 * 1000,
  })

export function useIncident(id: string) {
  const signedIn = useSignedIn()
  return useQuery({ ...incidentQuery(id), enabled: signedIn })
}

export interface ClassifyInput {
  deaths: number
  seriousInjuries: number
  directLossYuan: number
  occurredAt?: string
}

/** The server's own grading (`POST /api/incidents/classify`), nothing saved. */
export function useClassification(input: ClassifyInput | null) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: incidentKeys.classify(input ?? { deaths: 0, seriousInjuries: 0, directLossYuan: 0 }),
    queryFn: () => postJson<Classification>('/api/incidents/classify', input),
    enabled: signedIn && input !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  })
}

/** Writes answer with the full incident: put it in the cache, refresh the list. */
function useIncidentWrite<V>(write: (vars: V) => Promise<IncidentDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: (incident) => {
      queryClient.setQueryData(incidentKeys.detail(incident.id), incident)
      void queryClient.invalidateQueries({ queryKey: incidentKeys.open() })
    },
  })
}

export const useCreateIncident = () =>
  useIncidentWrite((body: IncidentCreate) => postJson<IncidentDetail>('/api/incidents', body))

export const useUpdateIncident = (id: string) =>
  useIncidentWrite((body: IncidentUpdate) =>
    patchJson<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, body),
  )

export const useIncidentStatus = (id: string) =>
  useIncidentWrite((body: { version: number; status: IncidentStatus }) =>
    postJson<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}/status`, body),
  )

export const useIncidentNote = (id: string) =>
  useIncidentWrite((body: { text: string }) =>
    postJson<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}/notes`, body),
  )

/** 标记已报: the server records who and when; the detail is refetched for the timeline. */
export function useObligationDone(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (level: ObligationDetail['level']) =>
      postJson<ObligationDetail>(
        `/api/incidents/${encodeURIComponent(id)}/obligations/${level}/done`,
        {},
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(id) }),
  })
}
