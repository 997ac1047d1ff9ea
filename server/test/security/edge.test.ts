import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { spaRouter } from '../../routes/spa.ts'
import { openTestContext, type TestContext } from '../test-database.ts'
import { call } from './matrix-fixtures.ts'

// #18: what every answer carries and what the edge refuses before any route runs.
let t: TestContext
let withSpa: ReturnType<typeof createApp>
let behindTls: ReturnType<typeof createApp>
beforeAll(async () => {
  t = await openTestContext()
  withSpa = createApp({ database: t.database, mount: (root) => root.route('/', spaRouter()) })
  behindTls = createApp({ database: t.database, security: { trustProxy: true } })
})
afterAll(async () => {
  await t?.close()
})

const json = { 'content-type': 'application/json' }
const login = { username: 'xian', password: 'jinan-xian' }

describe('security headers', () => {
  it.each([
    '/',
    '/api/health',
    '/api/docs',
    '/api/docs.js',
    '/api/openapi.json',
    '/api/nope',
    '/api/me',
  ])(
    '%s carries CSP without inline script, no framing, nosniff, a referrer policy',
    async (path) => {
      const res = await withSpa.request(path)
      const csp = res.headers.get('content-security-policy') ?? ''
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? ''
      expect(scriptSrc).toBe("'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
      expect(res.headers.get('strict-transport-security')).toBeNull()
    },
  )

  it('sends HSTS only behind a trusted TLS proxy', async () => {
    const tls = await behindTls.request('/api/health', {
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    const plain = await behindTls.request('/api/health')
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    // Not trusted: a client cannot ask for it by forging the header.
    const forged = await t.app.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } })
    expect(forged.headers.get('strict-transport-security')).toBeNull()
  })

  it('an unknown /api path is a 404 problem even with the web app mounted', async () => {
    for (const path of ['/api/nope', '/api', '/api/nothing/here.json']) {
      const res = await withSpa.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    }
  })
})

describe('writes from another site', () => {
  it.each([
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Origin of another port', { origin: 'http://localhost:9999' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ])('%s: 403 problem+json before any handler runs', async (_name, headers) => {
    const before = await call(t, '', 'GET', '/api/health')
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { ...json, ...headers },
      body: JSON.stringify(login),
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(before.status).toBe(200)
  })

  it('the same origin, a same-origin fetch, a listed origin and a client without either may write', async () => {
    const sameOrigin = await t.app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { ...json, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify(login),
    })
    expect(sameOrigin.status).toBe(200)
    const listed = createApp({
      database: t.database,
      security: { allowedOrigins: ['http://localhost:5173'] },
    })
    const dev = await listed.request('/api/auth/login', {
      method: 'POST',
      headers: { ...json, origin: 'http://localhost:5173' },
      body: JSON.stringify(login),
    })
    expect(dev.status).toBe(200)
    const curl = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(login),
    })
    expect(curl.status).toBe(200)
  })

  it('reads are not checked: a cross-site GET gets the normal answer', async () => {
    const res = await t.app.request('/api/health', { headers: { origin: 'https://evil.example' } })
    expect(res.status).toBe(200)
  })
})

describe('body size', () => {
  it('over 1 MiB to the unauthenticated login: 413 problem+json, unread', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })

  it('a streamed body without Content-Length is cut at the limit too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) return controller.close()
        sent += 1
        controller.enqueue(chunk)
      },
    })
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body,
      // @ts-expect-error Node's fetch needs this for a stream body
      duplex: 'half',
    })
    expect(res.status).toBe(413)
  })

  it('just under the limit is read and judged on its content', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(1000 * 1000) }),
    })
    expect(res.status).toBe(400)
  })
})
