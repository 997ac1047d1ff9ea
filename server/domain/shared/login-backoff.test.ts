import { describe, expect, it } from 'vitest'
import { InvalidInputError } from './errors.ts'
import {
  ACCOUNT_BACKOFF,
  ADDRESS_BACKOFF,
  afterFailure,
  secondsToWait,
  waitAfterFailures,
  type BackoffState,
} from './login-backoff.ts'

const T0 = Date.UTC(2026, 0, 1, 8, 0, 0)

describe('waitAfterFailures (account: 5 free, then 1 s doubling, capped at 15 min)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [4, 0],
    [5, 0], // the last free failure
    [6, 1], // the first one that costs
    [7, 2],
    [8, 4],
    [9, 8],
    [14, 256],
    [15, 512],
    [16, 900], // 1024 s would exceed the cap
    [17, 900],
    [1000, 900],
    [5000, 900], // 2 ** 4994 is Infinity: still the cap, never NaN
  ])('%i failures → %i s', (failures, seconds) => {
    expect(waitAfterFailures(failures, ACCOUNT_BACKOFF)).toBe(seconds)
  })

  it('an address has 20 free failures, then the same doubling', () => {
    expect(waitAfterFailures(20, ADDRESS_BACKOFF)).toBe(0)
    expect(waitAfterFailures(21, ADDRESS_BACKOFF)).toBe(1)
    expect(waitAfterFailures(22, ADDRESS_BACKOFF)).toBe(2)
    expect(waitAfterFailures(31, ADDRESS_BACKOFF)).toBe(900)
  })

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s failures', (n) => {
    expect(() => waitAfterFailures(n, ACCOUNT_BACKOFF)).toThrow(InvalidInputError)
  })
})

describe('secondsToWait', () => {
  const locked = (ms: number): BackoffState => ({
    failures: 6,
    lastFailureAt: T0,
    lockedUntil: T0 + ms,
  })

  it('nothing remembered, or no lock → 0', () => {
    expect(secondsToWait(null, T0)).toBe(0)
    expect(secondsToWait({ failures: 3, lastFailureAt: T0, lockedUntil: 0 }, T0)).toBe(0)
  })

  it('rounds up, so a client that waits the answer is never refused again', () => {
    expect(secondsToWait(locked(1000), T0)).toBe(1)
    expect(secondsToWait(locked(1000), T0 + 1)).toBe(1)
    expect(secondsToWait(locked(1000), T0 + 999)).toBe(1)
    expect(secondsToWait(locked(1001), T0)).toBe(2)
    expect(secondsToWait(locked(900_000), T0)).toBe(900)
  })

  it('ends exactly at lockedUntil', () => {
    expect(secondsToWait(locked(1000), T0 + 1000)).toBe(0)
    expect(secondsToWait(locked(1000), T0 + 5000)).toBe(0)
  })
})

describe('afterFailure', () => {
  it('the first failure starts the counter without a wait', () => {
    expect(afterFailure(null, T0, ACCOUNT_BACKOFF)).toEqual({
      failures: 1,
      lastFailureAt: T0,
      lockedUntil: 0,
    })
  })

  it('the 6th failure in a row locks for 1 s, the 7th for 2 s', () => {
    let state: BackoffState | null = null
    for (let i = 0; i < 5; i++) state = afterFailure(state, T0 + i, ACCOUNT_BACKOFF)
    expect(state).toMatchObject({ failures: 5, lockedUntil: 0 })
    state = afterFailure(state, T0 + 10, ACCOUNT_BACKOFF)
    expect(state).toEqual({ failures: 6, lastFailureAt: T0 + 10, lockedUntil: T0 + 1010 })
    state = afterFailure(state, T0 + 2000, ACCOUNT_BACKOFF)
    expect(state).toEqual({ failures: 7, lastFailureAt: T0 + 2000, lockedUntil: T0 + 4000 })
  })

  it('a counter quiet for a day is forgotten; a day less 1 ms is not', () => {
    const day = ACCOUNT_BACKOFF.forgetAfterSeconds * 1000
    const state: BackoffState = { failures: 9, lastFailureAt: T0, lockedUntil: T0 + 8000 }
    expect(afterFailure(state, T0 + day - 1, ACCOUNT_BACKOFF).failures).toBe(10)
    expect(afterFailure(state, T0 + day, ACCOUNT_BACKOFF)).toEqual({
      failures: 1,
      lastFailureAt: T0 + day,
      lockedUntil: 0,
    })
  })

  it('keeps the cap however long the attack goes on', () => {
    let state: BackoffState | null = null
    for (let i = 0; i < 40; i++) {
      state = afterFailure(state, T0 + i * 1_000_000, ACCOUNT_BACKOFF)
    }
    expect(state!.failures).toBe(40)
    expect(state!.lockedUntil - state!.lastFailureAt).toBe(900_000)
  })
})
