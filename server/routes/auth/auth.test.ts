import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'

let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

describe('auth', () => {
  it('signs in with an httpOnly SameSite=Strict cookie and answers /api/me', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'yanta', password: 'jinan-yanta' }),
    })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    const me = await t.app.request('/api/me', { headers: { cookie: cookie.split(';')[0]! } })
    const body = (await me.json()) as {
      role: string
      agency: { regionCode: string; level: string }
    }
    expect(body.role).toBe('officer')
    expect(body.agency).toMatchObject({ regionCode: '610113', level: 'county' })
  })

  it('refuses a wrong password with 401 problem+json, the same as an unknown user', async () => {
    for (const [username, password] of [
      ['yanta', 'wrong'],
      ['nobody', 'whatever'],
    ]) {
      const res = await t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(((await res.json()) as { detail: string }).detail).toBe('Wrong username or password.')
    }
  })

  it('answers 401 without a session and after logout', async () => {
    expect((await t.app.request('/api/me')).status).toBe(401)
    const api = await signIn(t, 'xian')
    expect((await api.get('/api/me')).status).toBe(200)
    await api.post('/api/auth/logout', {})
    expect((await api.get('/api/me')).status).toBe(401)
  })

  it('stores passwords with scrypt, never in clear', async () => {
    const { sql } = await import('drizzle-orm')
    const r = await t.database.db.execute(
      sql`select password_hash from users where username = 'yanta'`,
    )
    const hash = (r.rows[0] as { password_hash: string }).password_hash
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(hash).not.toContain('jinan-yanta')
  })
})
