import type { QueryClient } from '@tanstack/react-query'
import { enterpriseKeys } from '../api/enterprises.ts'
import { hazardSourceKeys } from '../api/hazard-sources.ts'
import { hiddenDangerKeys } from '../api/hidden-dangers.ts'
import { resourceKeys } from '../api/resources.ts'
import { dispatchKeys } from '../dispatch/dispatch-api.ts'
import { dutyKeys } from '../duty/duty-api.ts'
import { incidentKeys } from '../incidents/incidents-api.ts'
import type { StreamEvent } from './stream-event.ts'

const registryKeys: Record<string, readonly string[]> = {
  enterprise: enterpriseKeys.all,
  hazard_source: hazardSourceKeys.all,
  hidden_danger: hiddenDangerKeys.all,
  resource: resourceKeys.all,
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined)

/**
 * What one stream event makes stale. Only the caches it touches are invalidated, and only
 * queries someone is looking at refetch (react-query's default for active queries).
 */
export function applyStreamEvent(queryClient: QueryClient, event: StreamEvent) {
  const invalidate = (queryKey: readonly unknown[]) =>
    void queryClient.invalidateQueries({ queryKey })
  switch (event.type) {
    case 'incident.created':
      invalidate(incidentKeys.open())
      invalidate(dutyKeys.inbox())
      return
    case 'incident.updated':
      invalidate(incidentKeys.open())
      invalidate(incidentKeys.detail(event.entityId))
      invalidate(dutyKeys.inbox())
      return
    case 'dispatch.changed': {
      const incidentId = str(event.payload.incidentId)
      if (incidentId) {
        invalidate(incidentKeys.detail(incidentId))
        invalidate(dispatchKeys.recommendations(incidentId))
      }
      return
    }
    case 'resource.status':
      invalidate(resourceKeys.all)
      invalidate(dispatchKeys.all)
      return
    case 'registry.changed': {
      const keys = registryKeys[event.entity]
      if (keys) invalidate(keys)
      return
    }
  }
}
