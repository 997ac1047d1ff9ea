import { demoAccounts } from '../../data/accounts/demo-accounts.ts'
import type { TestContext } from './test-database.ts'

export interface TestResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** Requests as one signed-in demo user, through `app.request` (no sockets). */
export interface ApiClient {
  get<T = unknown>(path: string): Promise<TestResponse<T>>
  post<T = unknown>(path: string, body: unknown): Promise<TestResponse<T>>
  patch<T = unknown>(path: string, body: unknown): Promise<TestResponse<T>>
}

async function send<T>(
  t: TestContext,
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
) {
  const res = await t.app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // Not JSON: keep the text so the assertion shows it.
  }
  return { status: res.status, headers: res.headers, body: parsed as T }
}

export async function signIn(t: TestContext, username: string): Promise<ApiClient> {
  const account = demoAccounts.find((a) => a.username === username)
  if (!account) throw new Error(`no demo account ${username}`)
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: account.password }),
  })
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return {
    get: (path) => send(t, 'GET', path, cookie),
    post: (path, body) => send(t, 'POST', path, cookie, body),
    patch: (path, body) => send(t, 'PATCH', path, cookie, body),
  }
}

/** Several sessions at once, typed as a tuple so destructuring needs no casts. */
export async function signInMany<const N extends readonly string[]>(
  t: TestContext,
  ...usernames: N
): Promise<{ -readonly [K in keyof N]: ApiClient }> {
  return (await Promise.all(usernames.map((u) => signIn(t, u)))) as never
}
