/**
 * Status machines of an incident and of a dispatch.
 *
 * Incident (事故处置状态): 接报 reported → 处置中 responding → 已控制 controlled → 结案 closed,
 * forward one step at a time only: a closed incident is not reopened here (a new report is).
 *
 * Dispatch (调派): 已派出 dispatched → 在途 en_route → 到场 on_scene, one step forward, or
 * 撤回 withdrawn from any live state. Withdrawn is final and releases the resource.
 */
export const incidentStatusOrder = ['reported', 'responding', 'controlled', 'closed'] as const
export type IncidentStatus = (typeof incidentStatusOrder)[number]

export const incidentStatusLabels: Readonly<Record<IncidentStatus, string>> = {
  reported: '接报',
  responding: '处置中',
  controlled: '已控制',
  closed: '结案',
}

/** The one status an incident may move to next, or null when it is closed. */
export function nextIncidentStatus(from: IncidentStatus): IncidentStatus | null {
  const i = incidentStatusOrder.indexOf(from)
  return i < 0 ? null : (incidentStatusOrder[i + 1] ?? null)
}

export function canAdvanceIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return nextIncidentStatus(from) === to
}

export const dispatchStatusOrder = ['dispatched', 'en_route', 'on_scene', 'withdrawn'] as const
export type DispatchStatus = (typeof dispatchStatusOrder)[number]

export const dispatchStatusLabels: Readonly<Record<DispatchStatus, string>> = {
  dispatched: '已派出',
  en_route: '在途',
  on_scene: '到场',
  withdrawn: '撤回',
}

/** Live dispatches hold their resource (the database's partial unique index agrees). */
export const isLiveDispatch = (status: DispatchStatus) => status !== 'withdrawn'

const forward: Readonly<Record<DispatchStatus, DispatchStatus | null>> = {
  dispatched: 'en_route',
  en_route: 'on_scene',
  on_scene: null,
  withdrawn: null,
}

export function canMoveDispatch(from: DispatchStatus, to: DispatchStatus): boolean {
  if (!isLiveDispatch(from)) return false
  return to === 'withdrawn' || forward[from] === to
}
