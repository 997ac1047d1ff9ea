import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canWriteRegistry } from '../../domain/geo/jurisdiction.ts'
import { signIn } from '../client.ts'
import { openTestContext, type TestContext } from '../test-database.ts'
import {
  call,
  type Caller,
  matrixCallers,
  MatrixRecords,
  type Scope,
  scopes,
  sessionCookie,
} from './matrix-fixtures.ts'
import { matrixRoutes, type RouteCase } from './matrix-routes.ts'

// #18: every route × every role × a record in and out of the caller's jurisdiction. The table
// is in matrix-routes.ts; this file checks it covers the OpenAPI document exactly and plays it.

let t: TestContext
let callers: Caller[]
let records: MatrixRecords
/** Ids of matrix records outside / inside 西安 that no list of a 西安 caller may show / must show. */
const outIds: string[] = []
const inIds: string[] = []
let yuyangCookie = ''

beforeAll(async () => {
  t = await openTestContext()
  callers = await matrixCallers(t)
  records = await MatrixRecords.open(t)
  const yuyang = await signIn(t, 'yuyang')
  const officer = callers.find((c) => c.role === 'officer')!
  for (const [scope, ids] of [
    ['out', outIds],
    ['in', inIds],
  ] as const) {
    const hazard = await records.hazardSource(scope)
    const danger = await records.hiddenDanger(scope)
    const incident = await records.incident(scope)
    ids.push(hazard.id, danger.id, incident.id, (await records.resource(scope)).id)
    ids.push((await records.enterprise(scope)).id, (await records.user(scope)).id)
    ids.push((await records.drill(scope)).id)
    ids.push((await records.plan(scope, true)).id)
    ids.push((await records.alert(scope)).id)
    // Duty records belong to an agency: 榆阳区's made by its officer, 西安's by the matrix officer.
    const log = { kind: 'note', text: '矩阵核查值班记录', incidentId: incident.id }
    if (scope === 'out') {
      const res = await yuyang.post<{ id: string }>('/api/duty/log', log)
      expect(res.status).toBe(201)
      ids.push(res.body.id)
    } else {
      const res = await call(t, officer.cookie, 'POST', '/api/duty/log', log)
      expect(res.status).toBe(201)
      ids.push((JSON.parse(res.text) as { id: string }).id)
    }
  }
  yuyangCookie = await sessionCookie(t, 'yuyang', 'jinan-yuyang')
}, 180_000)
afterAll(async () => {
  await t?.close()
})

describe('the route × role × scope matrix', () => {
  it('has exactly one entry per operation of the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(Object.keys(matrixRoutes).sort()).toEqual(operations.sort())
  })

  const methodOf = (key: string) => key.split(' ')[0]!

  /** What a caller (null = not signed in) must get for one cell of the table. */
  function expected(route: RouteCase, role: Caller['role'] | null, scope: Scope, out?: number) {
    const ok = route.ok ?? 200
    if (route.kind === 'public') return ok
    if (role === null) return 401
    const writer = canWriteRegistry(role)
    switch (route.kind) {
      case 'self':
      case 'readList':
      case 'stream':
        return ok
      case 'readOne':
        return scope === 'in' ? ok : 404
      case 'writeOne':
        if (scope === 'out') return writer ? (out ?? 404) : 404
        return writer ? ok : 403
      case 'create':
        if (!writer) return 403
        return scope === 'in' ? (route.ok ?? 201) : (out ?? 403)
      case 'adminOne':
        if (role !== 'admin') return 403
        return scope === 'in' ? ok : 404
    }
  }

  for (const [key, route] of Object.entries(matrixRoutes)) {
    it(key, async () => {
      const method = methodOf(key)
      const cells: string[] = []
      const problems: string[] = []
      // Public routes are played anonymously: signing in or out as a matrix caller would end
      // that caller's session (rotation, logout) for the rest of the table.
      const who: (Caller | null)[] = route.kind === 'public' ? [null] : [null, ...callers]
      for (const caller of who) {
        for (const scope of route.kind === 'self' || route.kind === 'stream'
          ? (['in'] as const)
          : scopes) {
          const req = await route.request(records, scope)
          const want = expected(route, caller?.role ?? null, scope, req.outStatus)
          const res =
            route.kind === 'stream'
              ? await openStream(caller?.cookie ?? '', req.path)
              : await call(t, caller?.cookie ?? '', method, req.path, req.body, req.contentType)
          const cell = `${caller?.role ?? 'anonymous'} ${scope}: ${res.status}`
          cells.push(cell)
          const emptyOk = route.kind === 'readList' && scope === 'out' && res.status === route.empty
          if (res.status !== want && !emptyOk)
            problems.push(`${cell}, want ${want} — ${res.text.slice(0, 160)}`)
          if (res.status >= 400 && !res.type.includes('application/problem+json')) {
            problems.push(`${cell} is not problem+json (${res.type})`)
          }
          if (route.outEmpty && caller && res.status === 200) {
            const entries = (JSON.parse(res.text) as unknown[]).length
            if (scope === 'out' ? entries > 0 : entries === 0) {
              problems.push(`${cell} has ${entries} entries`)
            }
          } else if (route.kind === 'readList' && caller && res.status === 200) {
            const leaked = outIds.filter((id) => res.text.includes(id))
            if (leaked.length) problems.push(`${cell} leaks ${leaked.join(', ')}`)
            if (
              scope === 'in' &&
              route.showsIn !== false &&
              !inIds.some((id) => res.text.includes(id))
            ) {
              problems.push(`${cell} shows none of the in-scope records`)
            }
          }
        }
      }
      if (route.kind === 'readList') {
        // The control: the same request by 榆阳区 shows its records, so the check above has teeth.
        const req = await route.request(records, 'out')
        const own = await call(t, yuyangCookie, method, req.path, req.body, req.contentType)
        const seen = route.outEmpty
          ? (JSON.parse(own.text) as unknown[]).length > 0
          : outIds.some((id) => own.text.includes(id))
        expect(seen, `${key} control`).toBe(true)
      }
      expect(problems, cells.join('; ')).toEqual([])
    })
  }
})

/** Opens an SSE stream and reads only its status and type, then lets it go. */
async function openStream(cookie: string, path: string) {
  const controller = new AbortController()
  const res = await t.app.request(path, {
    headers: cookie ? { cookie } : {},
    signal: controller.signal,
  })
  const type = res.headers.get('content-type') ?? ''
  const text = res.status === 200 ? '' : await res.text()
  await res.body?.cancel().catch(() => undefined)
  controller.abort()
  return { status: res.status, type, text, bytes: new Uint8Array() }
}
