import { InvalidInputError } from './errors.ts'

/**
 * How failed sign-ins slow down the next attempt: a few failures are free (people mistype),
 * then every further failure doubles a wait, up to a cap. Only failures count, so a user who
 * signs in correctly is never slowed down; a wait holds even for the right password, or an
 * attacker could keep guessing and simply ignore the refusals.
 *
 * Times are epoch milliseconds: the caller owns the clock, so the rule is pure and testable.
 */
export interface BackoffPolicy {
  /** Failures in a row that cost nothing. */
  freeFailures: number
  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  firstWaitSeconds: number
  /** No wait is longer than this. */
  maxWaitSeconds: number
  /** A counter that has seen no failure for this long starts again from zero. */
  forgetAfterSeconds: number
}

/** One account: 5 free, then 1 s, 2 s, 4 s … 15 min. */
export const ACCOUNT_BACKOFF: BackoffPolicy = {
  freeFailures: 5,
  firstWaitSeconds: 1,
  maxWaitSeconds: 15 * 60,
  forgetAfterSeconds: 24 * 3600,
}

/**
 * One client address, across usernames. More free failures than an account: a command hall
 * behind one NAT address holds many operators, and a stranger's typos must not lock them all
 * out; password spraying (one guess for each of many users) still meets the wait quickly.
 */
export const ADDRESS_BACKOFF: BackoffPolicy = {
  freeFailures: 20,
  firstWaitSeconds: 1,
  maxWaitSeconds: 15 * 60,
  forgetAfterSeconds: 24 * 3600,
}

/** What is remembered about one account or address. */
export interface BackoffState {
  /** Failures counted since the counter last started from zero. */
  failures: number
  /** When the last failure happened (epoch ms). */
  lastFailureAt: number
  /** No attempt is checked before this (epoch ms); 0 when there is no wait. */
  lockedUntil: number
}

/** The wait in seconds that the `failures`-th failure in a row imposes (0 while free). */
export function waitAfterFailures(failures: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(failures) || failures < 0) {
    throw new InvalidInputError('failures', `failures must be a whole number ≥ 0, got ${failures}`)
  }
  const beyond = failures - policy.freeFailures
  if (beyond <= 0) return 0
  // 2 ** 1100 is Infinity, never NaN, so the cap still applies to an absurd counter.
  return Math.min(policy.maxWaitSeconds, policy.firstWaitSeconds * 2 ** (beyond - 1))
}

/** Whole seconds until the next attempt may be checked (0 = now), rounded up. */
export function secondsToWait(state: BackoffState | null, now: number): number {
  if (!state || state.lockedUntil <= now) return 0
  return Math.ceil((state.lockedUntil - now) / 1000)
}

/** The state after one more failure at `now`; an old counter is forgotten first. */
export function afterFailure(
  state: BackoffState | null,
  now: number,
  policy: BackoffPolicy,
): BackoffState {
  const forgotten = !state || now - state.lastFailureAt >= policy.forgetAfterSeconds * 1000
  const failures = (forgotten ? 0 : state.failures) + 1
  const wait = waitAfterFailures(failures, policy)
  return { failures, lastFailureAt: now, lockedUntil: wait > 0 ? now + wait * 1000 : 0 }
}
