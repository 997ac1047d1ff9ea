import type { StreamEvent } from '../../../server/lib/events/hub.ts'

export type { StreamEvent }

type Listener = (event: StreamEvent) => void
const listeners = new Set<Listener>()

/**
 * Other features hear the one stream through here instead of opening their own: returns the
 * unsubscribe function.
 */
export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function emitLiveEvent(event: StreamEvent) {
  for (const listener of listeners) listener(event)
}

/** Event types the server sends (server/routes/incidents, dispatches, registry writes). */
export const streamEventTypes = [
  'incident.created',
  'incident.updated',
  'dispatch.changed',
  'resource.status',
  'registry.changed',
  'plan.changed',
  'plan.activation',
  'drill.changed',
  'alert.issued',
  'alert.updated',
  'alert.lifted',
] as const
