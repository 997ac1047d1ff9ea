import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { signIn } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'

let t: TestContext
/** Behind a trusted proxy: X-Forwarded-For names the client, so each test has its own. */
let proxied: ReturnType<typeof createApp>

beforeAll(async () => {
  t = await openTestContext()
  proxied = createApp({ database: t.database, security: { trustProxy: true } })
})
afterAll(async () => {
  await t?.close()
})
beforeEach(async () => {
  await t.database.db.execute(sql`delete from login_throttle`)
})

interface Throttled {
  status: number
  title: string
  detail: string
  retryAfterSeconds: number
}

function attempt(
  username: string,
  password: string,
  address?: string,
  app: ReturnType<typeof createApp> = proxied,
) {
  return app.request('/api/auth/login', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(address ? { 'x-forwarded-for': address } : {}),
    },
    body: JSON.stringify({ username, password }),
  })
}

async function row(scope: 'account' | 'address', key: string) {
  const r = await t.database.db.execute(sql`
    select failures, locked_until from login_throttle where scope = ${scope} and key = ${key}`)
  return r.rows[0] as { failures: number; locked_until: string | Date | null } | undefined
}

/** As if the wait had passed (the clock is the server's; moving the lock is the same). */
const endWait = (scope: 'account' | 'address', key: string) =>
  t.database.db.execute(sql`update login_throttle set locked_until = now() - interval '1 second'
    where scope = ${scope} and key = ${key}`)

describe('login backoff per account', () => {
  it('5 failures are free; the 6th answers 429 with Retry-After: 1 and retryAfterSeconds', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await attempt('yanta', `wrong-${i}`, '198.51.100.1')
      expect(res.status, `failure ${i}`).toBe(401)
      expect(res.headers.get('retry-after')).toBeNull()
    }
    const sixth = await attempt('yanta', 'wrong-6', '198.51.100.1')
    expect(sixth.status).toBe(429)
    expect(sixth.headers.get('content-type')).toContain('application/problem+json')
    expect(sixth.headers.get('retry-after')).toBe('1')
    const body = (await sixth.json()) as Throttled
    expect(body).toMatchObject({ status: 429, title: 'Too Many Requests', retryAfterSeconds: 1 })
    expect(await row('account', 'yanta')).toMatchObject({ failures: 6 })
  })

  it('refuses even the right password while waiting, without counting the refusals', async () => {
    for (let i = 0; i < 6; i++) await attempt('yanta', 'wrong', '198.51.100.2')
    await t.database.db.execute(sql`update login_throttle
      set locked_until = now() + interval '10 minutes' where scope = 'account' and key = 'yanta'`)
    for (const password of ['jinan-yanta', 'wrong-again']) {
      const res = await attempt('yanta', password, '198.51.100.2')
      expect(res.status).toBe(429)
      const seconds = Number(res.headers.get('retry-after'))
      expect(seconds).toBeGreaterThan(590)
      expect(seconds).toBeLessThanOrEqual(600)
      expect(((await res.json()) as Throttled).retryAfterSeconds).toBe(seconds)
      expect(res.headers.get('set-cookie')).toBeNull()
    }
    // From another address too: the lock is the account's.
    expect((await attempt('yanta', 'jinan-yanta', '198.51.100.99')).status).toBe(429)
    expect(await row('account', 'yanta')).toMatchObject({ failures: 6 })
  })

  it('each failure after a wait doubles it: 1 s, 2 s, 4 s', async () => {
    for (let i = 0; i < 6; i++) await attempt('xian', 'wrong', '198.51.100.3')
    for (const expected of ['2', '4', '8']) {
      await endWait('account', 'xian')
      const res = await attempt('xian', 'wrong', '198.51.100.3')
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe(expected)
    }
    expect(await row('account', 'xian')).toMatchObject({ failures: 9 })
  })

  it('after the real 1 s wait the right password signs in and resets the account', async () => {
    for (let i = 0; i < 6; i++) await attempt('yuyang', 'wrong', '198.51.100.4')
    expect((await attempt('yuyang', 'jinan-yuyang', '198.51.100.4')).status).toBe(429)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const ok = await attempt('yuyang', 'jinan-yuyang', '198.51.100.4')
    expect(ok.status).toBe(200)
    expect(await row('account', 'yuyang')).toBeUndefined()
    // The address keeps its count: a success must not wipe what an attacker there did.
    expect(await row('address', '198.51.100.4')).toMatchObject({ failures: 6 })
    // A fresh account counter: the next failure is a plain 401 again.
    expect((await attempt('yuyang', 'wrong', '198.51.100.4')).status).toBe(401)
    expect(await row('account', 'yuyang')).toMatchObject({ failures: 1 })
  })

  it('concurrent failures are all counted (row locks, not read-then-write races)', async () => {
    // Five, the free ones: none is refused before it is counted, so every one must count.
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => attempt('yulin', `parallel-${i}`, '198.51.100.6')),
    )
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401])
    expect(await row('account', 'yulin')).toMatchObject({ failures: 5 })
    expect(await row('address', '198.51.100.6')).toMatchObject({ failures: 5 })
    expect((await attempt('yulin', 'one-more', '198.51.100.6')).status).toBe(429)
  })

  it('a success before the limit clears the failures so far', async () => {
    for (let i = 0; i < 4; i++) await attempt('shaanxi', 'wrong', '198.51.100.5')
    expect((await attempt('shaanxi', 'jinan-shaanxi', '198.51.100.5')).status).toBe(200)
    for (let i = 0; i < 5; i++) {
      expect((await attempt('shaanxi', 'wrong', '198.51.100.5')).status).toBe(401)
    }
    expect((await attempt('shaanxi', 'wrong', '198.51.100.5')).status).toBe(429)
  })
})

describe('login backoff per client address', () => {
  it('20 failures across usernames are free; the 21st waits, for any account there', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await attempt(`ghost-${i}`, 'guess', '203.0.113.7')
      expect(res.status, `failure ${i + 1}`).toBe(401)
    }
    const next = await attempt('ghost-20', 'guess', '203.0.113.7')
    expect(next.status).toBe(429)
    expect(next.headers.get('retry-after')).toBe('1')
    // A real account with its right password from that address waits too…
    expect((await attempt('xian', 'jinan-xian', '203.0.113.7')).status).toBe(429)
    // …and signs in from anywhere else.
    expect((await attempt('xian', 'jinan-xian', '203.0.113.8')).status).toBe(200)
    expect(await row('address', '203.0.113.7')).toMatchObject({ failures: 21 })
  })

  it('successes are never counted or limited: 40 sign-ins in a row from one address', async () => {
    for (let i = 0; i < 40; i++) {
      expect((await attempt('viewer', 'jinan-viewer', '203.0.113.9')).status).toBe(200)
    }
    expect(await row('address', '203.0.113.9')).toBeUndefined()
    // Without a proxy every test request is the one 'unknown' address; signIn keeps working.
    for (let i = 0; i < 10; i++) await signIn(t, 'national')
  })

  it('behind the proxy the address is the last X-Forwarded-For hop, the one the proxy saw', async () => {
    await attempt('ghost', 'guess', '10.66.66.66, 203.0.113.10')
    expect(await row('address', '203.0.113.10')).toMatchObject({ failures: 1 })
    expect(await row('address', '10.66.66.66')).toBeUndefined()
  })

  it('without a trusted proxy X-Forwarded-For is ignored (the socket address counts)', async () => {
    await attempt('ghost', 'guess', '203.0.113.11', t.app)
    expect(await row('address', '203.0.113.11')).toBeUndefined()
    // app.request() has no socket: the attempt is counted under 'unknown', without a crash.
    expect(await row('address', 'unknown')).toMatchObject({ failures: 1 })
  })

  it('forgets a counter quiet for a day', async () => {
    for (let i = 0; i < 5; i++) await attempt('yulin', 'wrong', '203.0.113.12')
    await t.database.db.execute(sql`update login_throttle
      set last_failure_at = now() - interval '25 hours' where key in ('yulin', '203.0.113.12')`)
    expect((await attempt('yulin', 'wrong', '203.0.113.12')).status).toBe(401)
    expect(await row('account', 'yulin')).toMatchObject({ failures: 1 })
  })
})

describe('failed sign-ins are audited', () => {
  const auditRows = async (username: string) =>
    (
      await t.database.db.execute(sql`
        select user_id, username, agency_id, entity, entity_id, action, region_code, after
        from audit_log where username = ${username} and action = 'login_failed' order by id`)
    ).rows as {
      user_id: string | null
      agency_id: string | null
      entity_id: string
      region_code: string | null
      after: { reason: string; address: string } | string
    }[]
  const afterOf = (a: unknown) =>
    (typeof a === 'string' ? JSON.parse(a) : a) as { reason: string; address: string }

  it('a known user: the row names the user, the agency and its region, never the password', async () => {
    const before = (await auditRows('yulin')).length
    await attempt('yulin', 'secret-guess-1', '203.0.113.20')
    const rows = await auditRows('yulin')
    expect(rows).toHaveLength(before + 1)
    const last = rows.at(-1)!
    const user = (
      await t.database.db.execute(sql`select id, agency_id from users where username = 'yulin'`)
    ).rows[0] as { id: string; agency_id: string }
    expect(last).toMatchObject({
      user_id: user.id,
      agency_id: user.agency_id,
      entity_id: user.id,
      region_code: '610800',
    })
    expect(afterOf(last.after)).toEqual({ reason: 'wrong_password', address: '203.0.113.20' })
    expect(JSON.stringify(last)).not.toContain('secret-guess-1')
  })

  it('an unknown username is recorded as typed, without a user id', async () => {
    await attempt('mallory', 'guess', '203.0.113.21')
    const [only] = await auditRows('mallory')
    expect(only).toMatchObject({ user_id: null, agency_id: null, entity_id: 'mallory' })
    expect(afterOf(only!.after).reason).toBe('unknown_or_inactive_user')
  })

  it('a successful sign-in writes login, not login_failed', async () => {
    const before = (await auditRows('viewer')).length
    await attempt('viewer', 'jinan-viewer', '203.0.113.22')
    expect(await auditRows('viewer')).toHaveLength(before)
  })
})

describe('Secure cookie', () => {
  const cookieOf = async (app: ReturnType<typeof createApp>, url: string, headers = {}) => {
    const res = await app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username: 'viewer', password: 'jinan-viewer' }),
    })
    expect(res.status).toBe(200)
    return res.headers.get('set-cookie') ?? ''
  }

  it('on https directly', async () => {
    expect(await cookieOf(t.app, 'https://jinan.example/api/auth/login')).toMatch(/;\s*Secure/i)
  })

  it('behind a trusted proxy that says X-Forwarded-Proto: https', async () => {
    const headers = { 'x-forwarded-proto': 'https' }
    expect(await cookieOf(proxied, '/api/auth/login', headers)).toMatch(/;\s*Secure/i)
  })

  it('not on plain http, nor for a forwarded proto nobody vouches for', async () => {
    expect(await cookieOf(t.app, '/api/auth/login')).not.toMatch(/Secure/i)
    const headers = { 'x-forwarded-proto': 'https' }
    expect(await cookieOf(t.app, '/api/auth/login', headers)).not.toMatch(/Secure/i)
  })
})
