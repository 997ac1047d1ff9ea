/**
 * Rectification of a hidden danger (隐患整改), as a state machine:
 *
 *   open (待整改) → rectifying (整改中) → verified (已验收) → closed (已销号)
 *                ↖───── rejected ─────┘
 *
 * - Forward moves go one step at a time: a danger cannot be verified before someone has
 *   rectified it, nor closed (销号) before the rectification was accepted (验收).
 * - rectifying → open is the one step back: the rectification was rejected and the danger
 *   is again waiting for action.
 * - Once verified there is no way back (a failed acceptance is the rejection above, made while
 *   the danger is still rectifying); closed is final. Reopening a closed danger means
 *   recording a new one.
 * - Staying in the same state is not a transition (callers treat it as "no change").
 */
export const dangerStatuses = ['open', 'rectifying', 'verified', 'closed'] as const
export type DangerStatus = (typeof dangerStatuses)[number]

export const dangerStatusLabelZh: Readonly<Record<DangerStatus, string>> = {
  open: '待整改',
  rectifying: '整改中',
  verified: '已验收',
  closed: '已销号',
}

/** The states each state may move to. */
export const dangerTransitions: Readonly<Record<DangerStatus, readonly DangerStatus[]>> = {
  open: ['rectifying'],
  rectifying: ['verified', 'open'],
  verified: ['closed'],
  closed: [],
}

export function canTransition(from: DangerStatus, to: DangerStatus): boolean {
  return dangerTransitions[from].includes(to)
}

/** Why a move is refused, in words an officer can act on; null when it is allowed. */
export function transitionError(from: DangerStatus, to: DangerStatus): string | null {
  if (canTransition(from, to)) return null
  const allowed = dangerTransitions[from]
  return allowed.length === 0
    ? `a ${from} danger cannot change status`
    : `cannot go from ${from} to ${to}; allowed: ${allowed.join(', ')}`
}

/** Rectification finished: accepted or closed. */
export const isSettled = (status: DangerStatus) => status === 'verified' || status === 'closed'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date written YYYY-MM-DD that exists (no 2023-02-30). */
export function isIsoDate(value: string): boolean {
  if (!isoDate.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

/**
 * Overdue (逾期): not yet verified or closed and the deadline has passed. The deadline day
 * itself is still in time. Dates are YYYY-MM-DD, so they compare as strings.
 */
export function isOverdue(status: DangerStatus, deadline: string, today: string): boolean {
  if (!isIsoDate(deadline)) throw new RangeError(`deadline ${deadline} is not YYYY-MM-DD`)
  if (!isIsoDate(today)) throw new RangeError(`today ${today} is not YYYY-MM-DD`)
  return !isSettled(status) && deadline < today
}

/** Deadline not before the day the danger was found (the same day is allowed). */
export const deadlineInOrder = (foundOn: string, deadline: string) => deadline >= foundOn
