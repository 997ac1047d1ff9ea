/**
 * Alert lifecycle: issued → updated (any number of times) → lifted (解除); or it expires by
 * itself at `expiresAt`. Expired is derived, never stored, so no job has to run at expiry.
 *
 * Active at t: onset ≤ t < end, where end is the earlier of expiry and the lifting time.
 * Both boundaries are half-open the usual way: active from the onset instant (inclusive),
 * no longer active at the expiry instant (exclusive), and not active from the lifting instant.
 */
import type { AlertPhase, AlertStatus } from './alert-shape.ts'

export interface AlertTimes {
  status: AlertStatus
  onset: Date
  expiresAt: Date
  /** When it was lifted (status `lifted`). */
  liftedAt?: Date | null
}

/** When the alert stops being in force: expiry, or the lifting if earlier. */
export function alertEnd(a: AlertTimes): Date {
  if (a.status === 'lifted' && a.liftedAt && a.liftedAt < a.expiresAt) return a.liftedAt
  return a.expiresAt
}

export function isActiveAt(a: AlertTimes, t: Date): boolean {
  if (a.status === 'lifted' && !a.liftedAt) return false
  return a.onset.getTime() <= t.getTime() && t.getTime() < alertEnd(a).getTime()
}

export function phaseAt(a: AlertTimes, t: Date): AlertPhase {
  if (a.status === 'lifted' && (!a.liftedAt || a.liftedAt.getTime() <= t.getTime())) {
    return 'lifted'
  }
  if (t.getTime() >= a.expiresAt.getTime()) return 'expired'
  if (t.getTime() < a.onset.getTime()) return 'pending'
  return 'active'
}

export type AlertAction = 'update' | 'lift'

/** Why an action is refused at time t, or null when allowed. */
export function refusalOf(a: AlertTimes, action: AlertAction, t: Date): string | null {
  const phase = phaseAt(a, t)
  if (phase === 'lifted') return 'the alert has been lifted'
  if (phase === 'expired') {
    return action === 'lift'
      ? 'the alert has already expired'
      : 'the alert has expired: issue a new one'
  }
  return null
}

/** The status after an action (the caller checked `refusalOf` first). */
export function statusAfter(action: AlertAction): AlertStatus {
  return action === 'lift' ? 'lifted' : 'updated'
}

/** Expiry must come after onset (an empty window is no alert). */
export const expiryAfterOnset = (onset: Date, expiresAt: Date) =>
  expiresAt.getTime() > onset.getTime()

/** Longest window an alert may be issued for; a longer one is most likely a typo. */
export const MAX_ALERT_DAYS = 31
