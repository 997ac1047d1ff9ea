import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import {
  ACCOUNT_BACKOFF,
  ADDRESS_BACKOFF,
  afterFailure,
  secondsToWait,
  type BackoffPolicy,
  type BackoffState,
} from '../../domain/shared/login-backoff.ts'
import { HttpProblem } from '../problem.ts'

/** Who an attempt counts against: the username tried and the client's address. */
export interface ThrottleKeys {
  account: string
  address: string
}

type Scope = 'account' | 'address'

// Account first, then address, in every transaction: a fixed order of row locks cannot
// deadlock two concurrent failures that share one of the rows.
const scopes: readonly { scope: Scope; policy: BackoffPolicy }[] = [
  { scope: 'account', policy: ACCOUNT_BACKOFF },
  { scope: 'address', policy: ADDRESS_BACKOFF },
]

interface Row {
  scope: Scope
  failures: number
  last_failure_at: Date | string | null
  locked_until: Date | string | null
}

const ms = (v: Date | string | null) => (v === null ? 0 : new Date(v).getTime())

const stateOf = (row: Row | undefined): BackoffState | null =>
  row && row.last_failure_at !== null
    ? {
        failures: Number(row.failures),
        lastFailureAt: ms(row.last_failure_at),
        lockedUntil: ms(row.locked_until),
      }
    : null

/** Seconds the attempt must wait (the longer of account and address); 0 = check it now. */
export async function loginWait(
  db: Queryable,
  keys: ThrottleKeys,
  now = Date.now(),
): Promise<number> {
  const result = await db.execute(sql`
    select scope, failures, last_failure_at, locked_until from login_throttle
    where (scope = 'account' and key = ${keys.account}) or (scope = 'address' and key = ${keys.address})`)
  const rows = result.rows as unknown as Row[]
  return Math.max(0, ...rows.map((row) => secondsToWait(stateOf(row), now)))
}

/**
 * Counts one failure against both keys, inside the caller's transaction (row locks keep
 * concurrent failures from losing a count), and returns the wait it imposes now. Counters
 * that have been quiet past their policy's memory are deleted on the way.
 */
export async function recordLoginFailure(
  tx: Queryable,
  keys: ThrottleKeys,
  now = Date.now(),
): Promise<number> {
  let wait = 0
  for (const { scope, policy } of scopes) {
    // The no-op update locks the row whether it was just inserted or already there.
    const locked = await tx.execute(sql`
      insert into login_throttle (scope, key) values (${scope}, ${keys[scope]})
      on conflict (scope, key) do update set failures = login_throttle.failures
      returning scope, failures, last_failure_at, locked_until`)
    const next = afterFailure(stateOf(locked.rows[0] as Row | undefined), now, policy)
    await tx.execute(sql`update login_throttle
      set failures = ${next.failures},
          last_failure_at = ${new Date(next.lastFailureAt).toISOString()},
          locked_until = ${next.lockedUntil ? new Date(next.lockedUntil).toISOString() : null}
      where scope = ${scope} and key = ${keys[scope]}`)
    wait = Math.max(wait, secondsToWait(next, now))
  }
  const forget = Math.max(...scopes.map((s) => s.policy.forgetAfterSeconds)) * 1000
  await tx.execute(sql`delete from login_throttle
    where last_failure_at < ${new Date(now - forget).toISOString()}
      and (locked_until is null or locked_until < ${new Date(now).toISOString()})`)
  return wait
}

/** A correct password clears the account's counter; the address keeps its count. */
export async function clearAccountFailures(db: Queryable, username: string): Promise<void> {
  await db.execute(sql`delete from login_throttle where scope = 'account' and key = ${username}`)
}

/** The 429 answer: problem+json with `retryAfterSeconds`, and the Retry-After header. */
export function tooManyAttempts(
  setHeader: (name: string, value: string) => void,
  seconds: number,
): HttpProblem {
  setHeader('Retry-After', String(seconds))
  return new HttpProblem(
    429,
    'Too Many Requests',
    `Too many failed sign-ins; try again in ${seconds} s.`,
    { retryAfterSeconds: seconds },
  )
}
