import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../../data/accounts/demo-accounts.ts'
import { createApp } from '../../app.ts'
import { parseEnv } from '../../env.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { DEFAULT_SESSION_CACHE_MS, SessionCache } from '../../lib/auth/session-cache.ts'
import { hashToken } from '../../lib/auth/sessions.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'

type App = ReturnType<typeof createApp>

let t: TestContext
/** Two apps of one process on one database, both answering sessions from memory. */
let one: App
let two: App
/** TTL of the apps here: short, so "noticed within the TTL" is quick to prove. */
const TTL = 300

beforeAll(async () => {
  t = await openTestContext()
  one = createApp({ database: t.database, security: { sessionCacheMs: TTL } })
  two = createApp({ database: t.database, security: { sessionCacheMs: TTL } })
})
afterAll(async () => {
  await t?.close()
})

async function login(username: string, app: App = one) {
  const account = demoAccounts.find((a) => a.username === username)!
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: account.password }),
  })
  expect(res.status).toBe(200)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

const me = async (cookie: string, app: App = one) =>
  (await app.request('/api/me', { headers: { cookie } })).status

const tokenHashOf = (cookie: string) => hashToken(cookie.slice(cookie.indexOf('=') + 1))

describe('sessions answered from memory (SESSION_CACHE_MS)', () => {
  it('is on by default in the server, at most 2 s, and off in apps that do not ask for it', () => {
    expect(parseEnv({}).SESSION_CACHE_MS).toBe(DEFAULT_SESSION_CACHE_MS)
    expect(DEFAULT_SESSION_CACHE_MS).toBeLessThanOrEqual(2000)
    expect(() => parseEnv({ SESSION_CACHE_MS: '5000' })).toThrow()
  })

  it('a sign-out takes effect at once in every app of the process', async () => {
    const cookie = await login('yanta')
    expect(await me(cookie, one)).toBe(200)
    expect(await me(cookie, two)).toBe(200) // both now hold it in memory
    const out = await two.request('/api/auth/logout', { method: 'POST', headers: { cookie } })
    expect(out.status).toBe(200)
    expect(await me(cookie, one)).toBe(401)
    expect(await me(cookie, two)).toBe(401)
  })

  it('a password change ends the other sessions at once', async () => {
    const mine = await login('xian')
    const other = await login('xian')
    expect(await me(other)).toBe(200)
    const res = await one.request('/api/me/password', {
      method: 'POST',
      headers: { cookie: mine, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'jinan-xian', newPassword: 'Qujiang-Pool-2026' }),
    })
    expect(res.status).toBe(200)
    expect(await me(other)).toBe(401)
    expect(await me(mine)).toBe(200)
  })

  it('a change made elsewhere (another process, SQL) is noticed within the TTL', async () => {
    const cookie = await login('yulin')
    expect(await me(cookie)).toBe(200)
    await t.database.db.execute(
      sql`update sessions set revoked_at = now() where token_hash = ${tokenHashOf(cookie)}`,
    )
    await new Promise((r) => setTimeout(r, TTL + 50))
    expect(await me(cookie)).toBe(401)
  })

  it('an app with the cache off asks the database every time', async () => {
    const off = createApp({ database: t.database })
    const cookie = await login('yuyang', off)
    expect(await me(cookie, off)).toBe(200)
    await t.database.db.execute(
      sql`update sessions set revoked_at = now() where token_hash = ${tokenHashOf(cookie)}`,
    )
    expect(await me(cookie, off)).toBe(401)
  })
})

describe('SessionCache', () => {
  const actor = { id: 'u1' } as Actor

  it('a lookup that started before a revocation is not remembered', () => {
    const cache = new SessionCache()
    const startedAt = performance.now()
    cache.forgetSession('h1')
    cache.remember('h1', 120, actor, startedAt, 1000)
    expect(cache.get('h1', 120)).toBeNull()
    cache.forgetUser('u1')
    cache.remember('h2', 120, actor, startedAt, 1000)
    expect(cache.get('h2', 120)).toBeNull()
  })

  it('answers only within the TTL and for the same idle limit', () => {
    const cache = new SessionCache()
    const now = performance.now()
    cache.remember('h', 120, actor, now, 1000)
    expect(cache.get('h', 120)).toBe(actor)
    expect(cache.get('h', 5)).toBeNull()
    cache.remember('old', 120, actor, now - 2000, 1000)
    expect(cache.get('old', 120)).toBeNull()
    cache.remember('off', 120, actor, now, 0)
    expect(cache.get('off', 120)).toBeNull()
  })
})
