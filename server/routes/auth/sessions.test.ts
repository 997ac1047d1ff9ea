import { sql, type SQL } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../../data/accounts/demo-accounts.ts'
import { createApp } from '../../app.ts'
import { parseEnv } from '../../env.ts'
import { hashToken, SESSION_HOURS } from '../../lib/auth/sessions.ts'
import { EventHub, SESSION_RECHECK_MS } from '../../lib/events/hub.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { SseReader } from '../events/sse-client.ts'

type App = ReturnType<typeof createApp>

let t: TestContext
/** "This process": its own hub, so its streams can be watched and stopped. */
let here: { app: App; hub: EventHub }
/** "Another process" on the same database, re-checking its streams every 200 ms. */
let there: { app: App; hub: EventHub }
/** A hub that only re-checks when told to, for exact tests of each reason. */
let manual: { app: App; hub: EventHub }
const readers: SseReader[] = []

const appWith = (hub: EventHub, sessionIdleMinutes?: number) =>
  createApp({
    database: t.database,
    events: hub,
    ...(sessionIdleMinutes ? { security: { sessionIdleMinutes } } : {}),
  })

beforeAll(async () => {
  t = await openTestContext()
  const processOf = (hub: EventHub) => ({ hub, app: appWith(hub) })
  here = processOf(new EventHub(t.database))
  there = processOf(new EventHub(t.database, undefined, { sessionRecheckMs: 200 }))
  manual = processOf(new EventHub(t.database, undefined, { sessionRecheckMs: 3_600_000 }))
})
afterAll(async () => {
  await Promise.all(readers.map((r) => r.close()))
  await Promise.all([here, there, manual].map((p) => p?.hub.stop()))
  await t?.close()
})

async function login(username: string, app: App = t.app, cookie?: string) {
  const account = demoAccounts.find((a) => a.username === username)!
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ username, password: account.password }),
  })
  expect(res.status).toBe(200)
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, res }
}

const me = async (cookie: string, app: App = t.app) =>
  (await app.request('/api/me', { headers: { cookie } })).status

const tokenHashOf = (cookie: string) => hashToken(cookie.slice(cookie.indexOf('=') + 1))

const setSession = (cookie: string, assignment: ReturnType<typeof sql>) =>
  t.database.db.execute(
    sql`update sessions set ${assignment} where token_hash = ${tokenHashOf(cookie)}`,
  )

async function lastSeen(cookie: string): Promise<number> {
  const r = await t.database.db.execute(
    sql`select extract(epoch from now() - last_seen_at)::float8 as idle
        from sessions where token_hash = ${tokenHashOf(cookie)}`,
  )
  return Number((r.rows[0] as { idle: number }).idle)
}

async function stream(app: App, cookie: string) {
  const res = await app.request('/api/events', { headers: { cookie } })
  expect(res.status).toBe(200)
  const reader = new SseReader(res.body!)
  readers.push(reader)
  return reader
}

/** The stream says session.ended and closes, within `ms`. */
async function expectEnded(reader: SseReader, ms = 2000) {
  const last = await reader.next(ms)
  expect(last.event).toBe('session.ended')
  await expect(reader.next(ms)).rejects.toThrow('SSE stream ended')
}

describe('session rotation', () => {
  it('signing in with a session cookie revokes that session and its streams', async () => {
    const first = await login('yanta', here.app)
    const open = await stream(here.app, first.cookie)
    const second = await login('yanta', here.app, first.cookie)
    expect(second.cookie).not.toBe(first.cookie)
    expect(await me(first.cookie)).toBe(401)
    expect(await me(second.cookie)).toBe(200)
    await expectEnded(open)
    const revoked = await t.database.db.execute(
      sql`select revoked_at from sessions where token_hash = ${tokenHashOf(first.cookie)}`,
    )
    expect((revoked.rows[0] as { revoked_at: unknown }).revoked_at).not.toBeNull()
  })

  it("another user's session sent along is revoked too (a shared browser)", async () => {
    const theirs = await login('xian')
    const mine = await login('yanta', t.app, theirs.cookie)
    expect(await me(theirs.cookie)).toBe(401)
    expect(await me(mine.cookie)).toBe(200)
  })
})

describe('idle expiry (SESSION_IDLE_MINUTES, default 120)', () => {
  it('a session unused for 121 minutes is over; 119 minutes is not, and is touched', async () => {
    const idle = await login('yanta')
    await setSession(idle.cookie, sql`last_seen_at = now() - interval '121 minutes'`)
    expect(await me(idle.cookie)).toBe(401)

    const busy = await login('yanta')
    await setSession(busy.cookie, sql`last_seen_at = now() - interval '119 minutes'`)
    expect(await me(busy.cookie)).toBe(200)
    expect(await lastSeen(busy.cookie)).toBeLessThan(5)
  })

  it('last_seen_at is written at most once a minute', async () => {
    const { cookie } = await login('yanta')
    await setSession(cookie, sql`last_seen_at = now() - interval '30 seconds'`)
    for (let i = 0; i < 3; i++) expect(await me(cookie)).toBe(200)
    expect(await lastSeen(cookie)).toBeGreaterThanOrEqual(30)
    await setSession(cookie, sql`last_seen_at = now() - interval '61 seconds'`)
    expect(await me(cookie)).toBe(200)
    expect(await lastSeen(cookie)).toBeLessThan(5)
  })

  it('follows the configured limit', async () => {
    const short = appWith(here.hub, 5)
    const { cookie } = await login('yanta')
    await setSession(cookie, sql`last_seen_at = now() - interval '6 minutes'`)
    expect(await me(cookie, short)).toBe(401)
    expect(await me(cookie, t.app)).toBe(200) // 120 minutes there
  })

  it('SESSION_IDLE_MINUTES is parsed from the environment, 120 by default', () => {
    expect(parseEnv({}).SESSION_IDLE_MINUTES).toBe(120)
    expect(parseEnv({ SESSION_IDLE_MINUTES: '30' }).SESSION_IDLE_MINUTES).toBe(30)
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/)
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: 'soon' })).toThrow(/SESSION_IDLE_MINUTES/)
  })
})

describe('absolute expiry (12 h)', () => {
  it('the cookie and the session end 12 h after sign-in, however busy', async () => {
    const { cookie, res } = await login('yanta')
    expect(SESSION_HOURS).toBe(12)
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=43200/)
    const r = await t.database.db.execute(sql`
      select extract(epoch from expires_at - created_at)::int as secs
      from sessions where token_hash = ${tokenHashOf(cookie)}`)
    expect((r.rows[0] as { secs: number }).secs).toBe(43200)
    await setSession(cookie, sql`expires_at = now() - interval '1 second'`)
    expect(await me(cookie)).toBe(401)
  })
})

describe('event streams end with their session', () => {
  it('logout closes an open stream of that session at once, and only that one', async () => {
    const a = await login('shaanxi', here.app)
    const b = await login('shaanxi', here.app)
    const streamA = await stream(here.app, a.cookie)
    const streamB = await stream(here.app, b.cookie)
    const logout = await here.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: a.cookie },
    })
    expect(logout.status).toBe(200)
    const started = Date.now()
    await expectEnded(streamA, 500)
    expect(Date.now() - started).toBeLessThan(500)
    expect(streamB.ended).toBe(false)
    expect(await me(b.cookie)).toBe(200)
    await streamB.close()
  })

  it('a logout in another process ends the stream here within one re-check', async () => {
    expect(SESSION_RECHECK_MS).toBeLessThanOrEqual(15_000) // "within ~30 s" in production
    const { cookie } = await login('yuyang', there.app)
    const open = await stream(there.app, cookie)
    // Signed out through a different app and hub: nothing in `there` is told directly.
    await here.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })
    await expectEnded(open, 2000)
  })

  type Change = (tokenHash: string, userId: string) => SQL
  const changes: [string, Change][] = [
    ['revoked in SQL', (h) => sql`update sessions set revoked_at = now() where token_hash = ${h}`],
    ['past its end', (h) => sql`update sessions set expires_at = now() where token_hash = ${h}`],
    [
      'idle too long',
      (h) =>
        sql`update sessions set last_seen_at = now() - interval '3 hours' where token_hash = ${h}`,
    ],
    ['user deactivated', (_, u) => sql`update users set active = false where id = ${u}`],
    ['role changed', (_, u) => sql`update users set role = 'viewer' where id = ${u}`],
    [
      'agency changed',
      (_, u) => sql`update users
        set agency_id = (select id from agencies where region_code = '610802') where id = ${u}`,
    ],
  ]

  it.each(changes)('the periodic re-check ends a stream whose session is %s', async (_, change) => {
    const { cookie } = await login('yulin', manual.app)
    const gone = await stream(manual.app, cookie)
    const other = await login('xian', manual.app)
    const kept = await stream(manual.app, other.cookie)
    await manual.hub.recheckSessions()
    expect(gone.ended || kept.ended).toBe(false)

    const user = (
      await t.database.db.execute(
        sql`select id, role, agency_id from users where username = 'yulin'`,
      )
    ).rows[0] as { id: string; role: string; agency_id: string }
    await t.database.db.execute(change(tokenHashOf(cookie), user.id))
    try {
      await manual.hub.recheckSessions()
      await expectEnded(gone, 1000)
      expect(kept.ended).toBe(false)
    } finally {
      await t.database.db.execute(sql`update users
        set active = true, role = ${user.role}, agency_id = ${user.agency_id} where id = ${user.id}`)
      await kept.close()
    }
  })
})
