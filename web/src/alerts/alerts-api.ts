import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FeatureCollection, MultiPolygon } from 'geojson'
import type { z } from '@hono/zod-openapi'
import type {
  AlertCreate,
  AlertDetail,
  AlertInside,
  AlertUpdate,
  alertFeatureProperties,
} from '../../../server/routes/alerts/alerts.schemas.ts'
import { useSignedIn } from '../api/auth.ts'
import { ApiProblem, apiUrl, getJson, patchJson, postJson } from '../api/http.ts'

export type AlertFeatureProperties = z.infer<typeof alertFeatureProperties>
export type AlertCollection = FeatureCollection<MultiPolygon, AlertFeatureProperties>
export type { AlertCreate, AlertDetail, AlertInside, AlertUpdate }
export type AlertLevel = AlertDetail['level']

export const alertKeys = {
  all: ['alerts'] as const,
  active: () => [...alertKeys.all, 'active'] as const,
  detail: (id: string) => [...alertKeys.all, 'detail', id] as const,
  inside: (id: string) => [...alertKeys.all, 'inside', id] as const,
}

export const activeAlertsQuery = () =>
  queryOptions({
    queryKey: alertKeys.active(),
    queryFn: ({ signal }) =>
      getJson<AlertCollection>('/api/alerts', { signal, query: { limit: 500 } }),
    // The event stream invalidates it; the layer's own timer drops alerts at their expiry.
    staleTime: 5 * 60 * 1000,
  })

/** Alerts in force or pending in the jurisdiction (highest level first). */
export function useActiveAlerts() {
  const signedIn = useSignedIn()
  return useQuery({ ...activeAlertsQuery(), enabled: signedIn })
}

export function useAlert(id: string) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: alertKeys.detail(id),
    queryFn: ({ signal }) =>
      getJson<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}`, { signal }),
    enabled: signedIn,
    staleTime: 60_000,
  })
}

export function useAlertInside(id: string) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: alertKeys.inside(id),
    queryFn: ({ signal }) =>
      getJson<AlertInside>(`/api/alerts/${encodeURIComponent(id)}/inside`, { signal }),
    enabled: signedIn,
    staleTime: 60_000,
  })
}

export const capUrl = (id: string) => apiUrl(`/api/alerts/${encodeURIComponent(id)}.cap`)

function useAlertWrite<V>(write: (vars: V) => Promise<AlertDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: (alert) => {
      queryClient.setQueryData(alertKeys.detail(alert.id), alert)
      void queryClient.invalidateQueries({ queryKey: alertKeys.active() })
      void queryClient.invalidateQueries({ queryKey: alertKeys.inside(alert.id) })
    },
  })
}

export const useIssueAlert = () =>
  useAlertWrite((body: AlertCreate) => postJson<AlertDetail>('/api/alerts', body))

export const useUpdateAlert = (id: string) =>
  useAlertWrite((body: AlertUpdate) =>
    patchJson<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}`, body),
  )

export const useLiftAlert = (id: string) =>
  useAlertWrite((body: { version: number; reason: string }) =>
    postJson<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}/lift`, body),
  )

/** POST /api/alerts/import with the file's text as the CAP document. */
export const useImportCap = () =>
  useAlertWrite(async (xml: string) => {
    const response = await fetch(apiUrl('/api/alerts/import'), {
      method: 'POST',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': 'application/cap+xml',
      },
      credentials: 'same-origin',
      body: xml,
    })
    const body = (await response.json()) as unknown
    if (!response.ok) throw new ApiProblem(body as ConstructorParameters<typeof ApiProblem>[0])
    return body as AlertDetail
  })
