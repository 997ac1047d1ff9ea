import type { Database } from '../../server/db/database.ts'
import { createApp } from '../../server/app.ts'
import { DEFAULT_SESSION_CACHE_MS } from '../../server/lib/auth/session-cache.ts'
import { demoAccounts } from '../../data/accounts/demo-accounts.ts'

/** The API in process, signed in as a demo user: measures routing, validation, auth and SQL, not sockets. */
export async function apiAs(database: Database, username: string) {
  // As the server runs it (server.ts passes SESSION_CACHE_MS, by default this).
  const app = createApp({ database, security: { sessionCacheMs: DEFAULT_SESSION_CACHE_MS } })
  const account = demoAccounts.find((a) => a.username === username)!
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: account.password }),
  })
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  return {
    /**
     * The answer's bytes, as a client on the wire gets them: the API's work ends at bytes, and
     * decoding a 10 MB body back into a string is the client's cost, not the server's.
     */
    async requestBytes(path: string): Promise<number> {
      const res = await app.request(path, { headers: { cookie } })
      const bytes = await res.arrayBuffer()
      if (res.status >= 400) throw new Error(`GET ${path} → ${res.status}`)
      return bytes.byteLength
    },
    async request(path: string, init: RequestInit = {}) {
      const res = await app.request(path, {
        ...init,
        headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
      })
      const text = await res.text()
      if (res.status >= 400)
        throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${text.slice(0, 300)}`)
      return text
    },
  }
}
