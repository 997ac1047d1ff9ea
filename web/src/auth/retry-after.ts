import { isApiProblem } from '../api/http.ts'

/**
 * Seconds a 429 problem asks to wait (its `retryAfterSeconds`, whole seconds, at least 1),
 * or null for any other outcome. A 429 without the number still waits a second rather than
 * letting the form hammer the server.
 */
export function retryAfterOf(error: unknown): number | null {
  if (!isApiProblem(error) || error.status !== 429) return null
  const seconds = Number(error.body.retryAfterSeconds)
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 1
}

/** Whole seconds from `now` to `until` (epoch ms), rounded up, never below 0. */
export const secondsLeft = (until: number, now: number): number =>
  Math.max(0, Math.ceil((until - now) / 1000))
