import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { hashPassword } from '../../lib/auth/password.ts'
import { EventHub } from '../../lib/events/hub.ts'
import type { FieldError } from '../../lib/problem.ts'
import { signIn, type ApiClient } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { SseReader } from '../events/sse-client.ts'

let t: TestContext
let hub: EventHub
let app: ReturnType<typeof createApp>
let admin: ApiClient
const readers: SseReader[] = []

/** An administrator of 榆林 (city 610800): jurisdiction prefix 6108. */
const YULIN_ADMIN = { username: 'yulin-admin', password: 'Yulin-Admin-2026!' }

interface Problem {
  status: number
  errors?: FieldError[]
  retryAfterSeconds?: number
}

beforeAll(async () => {
  t = await openTestContext()
  hub = new EventHub(t.database)
  app = createApp({ database: t.database, events: hub })
  admin = await signIn(t, 'admin')
  const hash = await hashPassword(YULIN_ADMIN.password)
  await t.database.db
    .execute(sql`insert into users (username, display_name, password_hash, role, agency_id)
    select ${YULIN_ADMIN.username}, '榆林市系统管理员', ${hash}, 'admin', id
    from agencies where region_code = '610800'`)
})
afterAll(async () => {
  await Promise.all(readers.map((r) => r.close()))
  await hub?.stop()
  await t?.close()
})

const idOf = async (username: string) =>
  (
    (await t.database.db.execute(sql`select id from users where username = ${username}`))
      .rows[0] as { id: string }
  ).id

async function login(username: string, password: string, address?: string) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(address ? { 'x-forwarded-for': address } : {}),
    },
    body: JSON.stringify({ username, password }),
  })
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! }
}

async function post(cookie: string, path: string, body: unknown) {
  const res = await app.request(path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as Problem }
}

async function stream(cookie: string) {
  const res = await app.request('/api/events', { headers: { cookie } })
  expect(res.status).toBe(200)
  const reader = new SseReader(res.body!)
  readers.push(reader)
  return reader
}

const codesOf = (p: Problem, field: string) =>
  (p.errors ?? []).filter((e) => e.field === field).map((e) => e.code)

const me = async (cookie: string) => (await app.request('/api/me', { headers: { cookie } })).status

describe('POST /api/users/{id}/password (administrator reset)', () => {
  it('sets the password, ends every session and stream of the user, and is audited', async () => {
    const id = await idOf('yuyang')
    const s1 = await login('yuyang', 'jinan-yuyang')
    const s2 = await login('yuyang', 'jinan-yuyang')
    const open = await stream(s2.cookie)
    const res = await admin.post<{ ok: boolean; sessionsRevoked: number }>(
      `/api/users/${id}/password`,
      { newPassword: 'Huangtu-Plateau-9' },
    )
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true, sessionsRevoked: 2 })
    expect(await me(s1.cookie)).toBe(401)
    expect(await me(s2.cookie)).toBe(401)
    // The admin's request went through t.app; the stream lives in `app`'s hub, so it ended
    // by the periodic re-check path in production. Here: re-check now.
    await hub.recheckSessions()
    expect((await open.next(1000)).event).toBe('session.ended')

    expect((await login('yuyang', 'jinan-yuyang')).status).toBe(401)
    expect((await login('yuyang', 'Huangtu-Plateau-9')).status).toBe(200)

    const audit = await t.database.db.execute(sql`
      select username, region_code, after::text as after from audit_log
      where action = 'password_reset' and entity_id = ${id}`)
    expect(audit.rows).toHaveLength(1)
    expect(audit.rows[0]).toMatchObject({ username: 'admin', region_code: '610802' })
    expect(JSON.stringify(audit.rows[0])).not.toMatch(/Huangtu|scrypt/)
  })

  it('ends the streams at once when the reset is made in the same process', async () => {
    const yulinAdmin = await login(YULIN_ADMIN.username, YULIN_ADMIN.password)
    const target = await login('yulin', 'jinan-yulin')
    const open = await stream(target.cookie)
    const res = await post(yulinAdmin.cookie, `/api/users/${await idOf('yulin')}/password`, {
      newPassword: 'Mu-Us-Desert-2026',
    })
    expect(res.status).toBe(200)
    expect((await open.next(500)).event).toBe('session.ended')
  })

  it('only an administrator: 403 for other roles, before the user is even looked up', async () => {
    const id = await idOf('xian')
    for (const username of ['shaanxi', 'viewer', 'yanta']) {
      const client = await signIn(t, username)
      const res = await client.post(`/api/users/${id}/password`, { newPassword: 'Qinling-Snow-26' })
      expect(res.status, username).toBe(403)
      const missing = await client.post(
        '/api/users/00000000-0000-4000-8000-000000000000/password',
        {
          newPassword: 'Qinling-Snow-26',
        },
      )
      expect(missing.status, username).toBe(403)
    }
    expect((await login('xian', 'jinan-xian')).status).toBe(200)
  })

  it('only users of agencies within the jurisdiction: 404 outside, as for no such user', async () => {
    const { cookie } = await login(YULIN_ADMIN.username, YULIN_ADMIN.password)
    for (const username of ['yanta', 'xian', 'shaanxi', 'national']) {
      const res = await post(cookie, `/api/users/${await idOf(username)}/password`, {
        newPassword: 'Qinling-Snow-26',
      })
      expect(res.status, username).toBe(404)
    }
    const none = await post(cookie, '/api/users/00000000-0000-4000-8000-000000000000/password', {
      newPassword: 'Qinling-Snow-26',
    })
    expect(none.status).toBe(404)
    expect((await post(cookie, '/api/users/not-a-uuid/password', {})).status).toBe(400)
    expect((await login('yanta', 'jinan-yanta')).status).toBe(200)
  })

  it('enforces the password policy with field errors on newPassword', async () => {
    const id = await idOf('viewer')
    const cases: [string, string][] = [
      ['short-1A', 'password_too_short'],
      ['my-viewer-pass-2026', 'password_has_username'],
      ['abcdefghijklmnop', 'password_one_kind'],
      ['Password1234', 'password_common'],
    ]
    for (const [newPassword, code] of cases) {
      const res = await admin.post<Problem>(`/api/users/${id}/password`, { newPassword })
      expect(res.status, newPassword).toBe(400)
      expect(codesOf(res.body, 'newPassword'), newPassword).toContain(code)
    }
    const extra = await admin.post<Problem>(`/api/users/${id}/password`, {
      newPassword: 'Qinling-Snow-26',
      role: 'admin',
    })
    expect(extra.status).toBe(400)
    // Nothing changed: the old (demo) password still signs in.
    expect((await login('viewer', 'jinan-viewer')).status).toBe(200)
  })

  it('forgives the failed sign-ins of a locked-out account', async () => {
    for (let i = 0; i < 6; i++) await login('yanta', 'forgotten')
    expect((await login('yanta', 'jinan-yanta')).status).toBe(429)
    const res = await admin.post(`/api/users/${await idOf('yanta')}/password`, {
      newPassword: 'Dayan-Pagoda-652',
    })
    expect(res.status).toBe(200)
    expect((await login('yanta', 'Dayan-Pagoda-652')).status).toBe(200)
  })
})

describe('POST /api/me/password (own change)', () => {
  it('changes it, keeps this session and ends the others with their streams', async () => {
    const mine = await login('national', 'jinan-national')
    const other = await login('national', 'jinan-national')
    const otherStream = await stream(other.cookie)
    const ownStream = await stream(mine.cookie)
    const res = await post(mine.cookie, '/api/me/password', {
      currentPassword: 'jinan-national',
      newPassword: 'Weihe-River-2026',
    })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true, sessionsRevoked: 1 })
    expect(await me(mine.cookie)).toBe(200)
    expect(await me(other.cookie)).toBe(401)
    expect((await otherStream.next(500)).event).toBe('session.ended')
    expect(ownStream.ended).toBe(false)
    await ownStream.close()
    expect((await login('national', 'jinan-national')).status).toBe(401)
    expect((await login('national', 'Weihe-River-2026')).status).toBe(200)
    const audit = await t.database.db.execute(sql`
      select count(*)::int as n from audit_log where action = 'password_change' and username = 'national'`)
    expect((audit.rows[0] as { n: number }).n).toBe(1)
  })

  it('a wrong current password is a field error, audited, and counts as a failed sign-in', async () => {
    const { cookie } = await login('shaanxi', 'jinan-shaanxi')
    const wrong = await post(cookie, '/api/me/password', {
      currentPassword: 'not-it',
      newPassword: 'short',
    })
    expect(wrong.status).toBe(400)
    expect(codesOf(wrong.body, 'currentPassword')).toEqual(['password_incorrect'])
    expect(codesOf(wrong.body, 'newPassword')).toContain('password_too_short')
    const audit = await t.database.db.execute(sql`select count(*)::int as n from audit_log
      where action = 'password_change_failed' and username = 'shaanxi'`)
    expect((audit.rows[0] as { n: number }).n).toBe(1)
    // A borrowed session cannot guess on: the 6th wrong guess waits like a sign-in.
    for (let i = 0; i < 4; i++) {
      const res = await post(cookie, '/api/me/password', {
        currentPassword: `guess-${i}`,
        newPassword: 'Qinling-Snow-26',
      })
      expect(res.status).toBe(400)
    }
    const sixth = await post(cookie, '/api/me/password', {
      currentPassword: 'guess-5',
      newPassword: 'Qinling-Snow-26',
    })
    expect(sixth.status).toBe(429)
    expect(sixth.headers.get('retry-after')).toBe('1')
    expect(sixth.body.retryAfterSeconds).toBe(1)
    await t.database.db.execute(sql`update login_throttle
      set locked_until = now() + interval '1 minute' where scope = 'account' and key = 'shaanxi'`)
    const right = await post(cookie, '/api/me/password', {
      currentPassword: 'jinan-shaanxi',
      newPassword: 'Qinling-Snow-26',
    })
    expect(right.status).toBe(429)
    expect((await login('shaanxi', 'jinan-shaanxi')).status).toBe(429)
  })

  it('the new password must meet the policy and differ from the current one', async () => {
    const { cookie } = await login('xian', 'jinan-xian')
    const same = await post(cookie, '/api/me/password', {
      currentPassword: 'jinan-xian',
      newPassword: 'jinan-xian',
    })
    expect(same.status).toBe(400)
    expect(codesOf(same.body, 'newPassword')).toEqual(
      expect.arrayContaining(['password_too_short', 'password_has_username', 'password_unchanged']),
    )
    expect(codesOf(same.body, 'currentPassword')).toEqual([])
    expect((await login('xian', 'jinan-xian')).status).toBe(200)
  })

  it('needs a session', async () => {
    const res = await app.request('/api/me/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'x', newPassword: 'Qinling-Snow-26' }),
    })
    expect(res.status).toBe(401)
  })

  it('both routes are in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>
    }
    expect(Object.keys(doc.paths['/api/users/{id}/password']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404']),
    )
    expect(doc.paths['/api/me/password']?.post?.responses).toHaveProperty('429')
    expect(doc.paths['/api/auth/login']?.post?.responses).toHaveProperty('429')
  })
})
