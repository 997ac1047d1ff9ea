import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../api/http.ts'
import { retryAfterOf, secondsLeft } from './retry-after.ts'

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiProblem({ type: 'about:blank', title: 'x', status, ...extra })

describe('retryAfterOf', () => {
  it('reads retryAfterSeconds of a 429', () => {
    expect(retryAfterOf(problem(429, { retryAfterSeconds: 8 }))).toBe(8)
    expect(retryAfterOf(problem(429, { retryAfterSeconds: 2.2 }))).toBe(3)
  })

  it('a 429 without a usable number still waits a second', () => {
    expect(retryAfterOf(problem(429))).toBe(1)
    expect(retryAfterOf(problem(429, { retryAfterSeconds: 'soon' }))).toBe(1)
    expect(retryAfterOf(problem(429, { retryAfterSeconds: -5 }))).toBe(1)
  })

  it('anything else is not a lockout', () => {
    expect(retryAfterOf(problem(401, { retryAfterSeconds: 8 }))).toBeNull()
    expect(retryAfterOf(new Error('offline'))).toBeNull()
    expect(retryAfterOf(null)).toBeNull()
  })
})

describe('secondsLeft', () => {
  it('rounds up and stops at 0', () => {
    expect(secondsLeft(10_000, 0)).toBe(10)
    expect(secondsLeft(10_000, 1)).toBe(10)
    expect(secondsLeft(10_000, 9_001)).toBe(1)
    expect(secondsLeft(10_000, 10_000)).toBe(0)
    expect(secondsLeft(10_000, 12_000)).toBe(0)
  })
})
