import { useQuery } from '@tanstack/react-query'
import type { AuditEntry } from '../../../server/routes/audit/index.ts'
import { useSignedIn } from './auth.ts'
import { getJson } from './http.ts'

export type AuditEntity = 'hazard_source' | 'enterprise' | 'hidden_danger' | 'resource'

export const auditKeys = {
  all: ['audit'] as const,
  record: (entity: AuditEntity, id: string) => [...auditKeys.all, entity, id] as const,
}

/** A record's history, newest first; fetched only when asked for (the list starts collapsed). */
export function useAudit(entity: AuditEntity, id: string, options: { enabled?: boolean } = {}) {
  const signedIn = useSignedIn()
  return useQuery({
    queryKey: auditKeys.record(entity, id),
    queryFn: ({ signal }) => getJson<AuditEntry[]>('/api/audit', { signal, query: { entity, id } }),
    enabled: signedIn && (options.enabled ?? true),
    staleTime: 30 * 1000,
  })
}
