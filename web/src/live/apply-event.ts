import type { QueryClient } from '@tanstack/react-query'
import { enterpriseKeys } from '../api/enterprises.ts'
import { hazardSourceKeys } from '../api/hazard-sources.ts'
import { hiddenDangerKeys } from '../api/hidden-dangers.ts'
import { resourceKeys } from '../api/resources.ts'
import { alertKeys } from '../alerts/alerts-api.ts'
import { dispatchKeys } from '../dispatch/dispatch-api.ts'
import { drillKeys } from '../drills/drills-api.ts'
import { dutyKeys } from '../duty/duty-api.ts'
import {
  incidentKeys,
  type IncidentCollection,
  type IncidentFeatureProperties,
} from '../incidents/incidents-api.ts'
import { exerciseModes, type ExerciseMode } from '../state/filters.ts'
import type { StreamEvent } from './stream-event.ts'

/** The plans caches (web/src/plans/plans-api.ts planKeys), named here to keep live/ light. */
const planActivationsKey = (incidentId: string) => ['plans', 'activations', incidentId] as const

const registryKeys: Record<string, readonly string[]> = {
  enterprise: enterpriseKeys.all,
  hazard_source: hazardSourceKeys.all,
  hidden_danger: hiddenDangerKeys.all,
  resource: resourceKeys.all,
}

/**
 * A new incident goes on the list and the map straight from the event, before the refetch
 * that brings its full row: the screen shows it one round trip sooner.
 */
function addProvisional(queryClient: QueryClient, event: StreamEvent) {
  const { type, grade, location, deaths } = event.payload
  if (!Array.isArray(location) || typeof type !== 'string' || typeof grade !== 'string') return
  const exercise = event.payload.exercise === true
  // Only the lists that show it: an exercise never slips into the default one.
  const shows = (mode: ExerciseMode) =>
    mode === 'include' || (mode === 'only' ? exercise : !exercise)
  for (const mode of exerciseModes.filter(shows)) {
    queryClient.setQueryData<IncidentCollection>(incidentKeys.open(mode), add)
  }
  function add(list: IncidentCollection | undefined) {
    if (!list || list.features.some((f) => f.id === event.entityId)) return list
    const feature: IncidentCollection['features'][number] = {
      type: 'Feature',
      id: event.entityId,
      geometry: { type: 'Point', coordinates: location as [number, number] },
      properties: {
        type: type as IncidentFeatureProperties['type'],
        grade: grade as IncidentFeatureProperties['grade'],
        status: 'reported',
        exercise,
        occurredAt: event.at,
        deaths: typeof deaths === 'number' ? deaths : 0,
        seriousInjuries: 0,
        regionCode: event.regionCode,
        address: '',
      },
    }
    return { ...list, features: [feature, ...list.features] }
  }
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined)

/**
 * What one stream event makes stale. Only the caches it touches are invalidated, and only
 * queries someone is looking at refetch (react-query's default for active queries).
 */
export function applyStreamEvent(queryClient: QueryClient, event: StreamEvent) {
  const invalidate = (queryKey: readonly unknown[]) =>
    void queryClient.invalidateQueries({ queryKey })
  // A drill's incident moved (an injected update, a dispatch): its drill panel refreshes.
  if (event.payload.exercise === true || event.type === 'drill.changed') invalidate(drillKeys.all)
  switch (event.type) {
    case 'incident.created':
      addProvisional(queryClient, event)
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
        invalidate(planActivationsKey(incidentId))
      }
      return
    }
    case 'plan.changed':
      invalidate(['plans'])
      return
    case 'plan.activation': {
      const incidentId = str(event.payload.incidentId)
      if (incidentId) invalidate(planActivationsKey(incidentId))
      return
    }
    case 'resource.status':
      invalidate(resourceKeys.all)
      invalidate(dispatchKeys.all)
      return
    case 'alert.issued':
    case 'alert.updated':
    case 'alert.lifted':
      // One event per county the area touches: invalidation coalesces them into one refetch.
      invalidate(alertKeys.active())
      invalidate(alertKeys.detail(event.entityId))
      invalidate(alertKeys.inside(event.entityId))
      return
    case 'registry.changed': {
      const keys = registryKeys[event.entity]
      if (keys) invalidate(keys)
      return
    }
  }
}
