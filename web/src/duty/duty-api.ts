import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from '@hono/zod-openapi'
import type {
  inbox,
  logCreate,
  LogEntry,
  members,
  roster,
} from '../../../server/routes/duty/duty.schemas.ts'
import { useSignedIn } from '../api/auth.ts'
import { getJson, postJson } from '../api/http.ts'

export type Roster = z.infer<typeof roster>
export type Inbox = z.infer<typeof inbox>
export type Members = z.infer<typeof members>
export type LogCreate = z.input<typeof logCreate>
export type { LogEntry }

export const dutyKeys = {
  all: ['duty'] as const,
  roster: (from: string, to: string) => [...dutyKeys.all, 'roster', { from, to }] as const,
  log: () => [...dutyKeys.all, 'log'] as const,
  inbox: () => [...dutyKeys.all, 'inbox'] as const,
  members: () => [...dutyKeys.all, 'members'] as const,
}

/** Who can be put on the agency's roster. */
export function useMembers(enabled: boolean) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: dutyKeys.members(),
    queryFn: ({ signal }) => getJson<Members>('/api/duty/members', { signal }),
    enabled: signedIn && enabled,
    staleTime: 5 * 60_000,
  })
}

export const rosterQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: dutyKeys.roster(from, to),
    queryFn: ({ signal }) => getJson<Roster>('/api/duty/shifts', { signal, query: { from, to } }),
  })

export function useRoster(from: string, to: string, enabled: boolean) {
  const signedIn = useSignedIn()
  return useQuery({ ...rosterQuery(from, to), enabled: signedIn && enabled })
}

export function useDutyLog(enabled: boolean) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: dutyKeys.log(),
    queryFn: ({ signal }) =>
      getJson<{ entries: LogEntry[] }>('/api/duty/log', { signal, query: { limit: 50 } }),
    enabled: signedIn && enabled,
  })
}

export function useInbox(enabled: boolean) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: dutyKeys.inbox(),
    queryFn: ({ signal }) => getJson<Inbox>('/api/duty/inbox', { signal }),
    enabled: signedIn && enabled,
  })
}

export function useAddLogEntry() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: LogCreate) => postJson<LogEntry>('/api/duty/log', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dutyKeys.log() }),
  })
}

export function useAddShift() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { userId: string; startsAt: string; endsAt: string; role?: string }) =>
      postJson<unknown>('/api/duty/shifts', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...dutyKeys.all, 'roster'] }),
  })
}

export function useAcknowledge() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (incidentId: string) =>
      postJson<unknown>(`/api/incidents/${encodeURIComponent(incidentId)}/ack`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dutyKeys.inbox() }),
  })
}
