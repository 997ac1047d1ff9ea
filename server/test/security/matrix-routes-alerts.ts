import type { MatrixRecords, Scope } from './matrix-fixtures.ts'

/**
 * The alerts' rows of the route matrix (matrix-routes.ts spreads them in; kept apart for the
 * 400-line limit). Same kinds and fields as there; `contentType` sends a CAP XML body as is.
 */
interface AlertRouteCase {
  kind: 'readList' | 'readOne' | 'writeOne' | 'create'
  ok?: number
  request(
    records: MatrixRecords,
    scope: Scope,
  ): Promise<{ path: string; body?: unknown; contentType?: string }>
}

const fixed = (path: string) => async () => ({ path })
const version = (m: { version?: number }) => m.version ?? 1

export const alertMatrixRoutes: Record<string, AlertRouteCase> = {
  'GET /api/alerts': { kind: 'readList', request: fixed('/api/alerts') },
  // The feed carries alert ids in its links, so the leak check applies to it as to the list.
  'GET /api/alerts/feed.atom': { kind: 'readList', request: fixed('/api/alerts/feed.atom') },
  'POST /api/alerts': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => ({ path: '/api/alerts', body: r.alertBody(scope) }),
  },
  'POST /api/alerts/import': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => ({
      path: '/api/alerts/import',
      body: r.capDocument(scope),
      contentType: 'application/cap+xml',
    }),
  },
  'GET /api/alerts/{id}': {
    kind: 'readOne',
    request: async (r, scope) => ({ path: `/api/alerts/${(await r.alert(scope)).id}` }),
  },
  'GET /api/alerts/{id}.cap': {
    kind: 'readOne',
    request: async (r, scope) => ({ path: `/api/alerts/${(await r.alert(scope)).id}.cap` }),
  },
  'GET /api/alerts/{id}/inside': {
    kind: 'readOne',
    request: async (r, scope) => ({ path: `/api/alerts/${(await r.alert(scope)).id}/inside` }),
  },
  'PATCH /api/alerts/{id}': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const a = await r.alert(scope)
      return { path: `/api/alerts/${a.id}`, body: { version: version(a), level: '二级' } }
    },
  },
  'POST /api/alerts/{id}/lift': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const a = await r.alert(scope)
      return { path: `/api/alerts/${a.id}/lift`, body: { version: version(a), reason: '核查' } }
    },
  },
}
