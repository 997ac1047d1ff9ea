import type { MatrixRecords, Scope } from './matrix-fixtures.ts'
import { MATRIX_PASSWORD, TAG } from './matrix-fixtures.ts'
import { places } from '../fixtures.ts'
import { drillMatrixRoutes } from './matrix-routes-drills.ts'
import { planMatrixRoutes } from './matrix-routes-plans.ts'
import { alertMatrixRoutes } from './matrix-routes-alerts.ts'

import type { RouteCase } from './matrix-types.ts'

export type { Request, RouteCase, RouteKind } from './matrix-types.ts'

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const fixed = (path: string, body?: unknown) => async () => ({ path, body })
// z9 (past the clusters of z ≤ 8) tiles holding 雁塔区 and 榆阳区.
const tileOf: Record<Scope, string> = { in: '9/410/204', out: '9/412/196' }
const tile = (layer: string) => async (_r: MatrixRecords, scope: Scope) => ({
  path: `/tiles/registry/${layer}/${tileOf[scope]}.pbf?q=${encodeURI(TAG)}`,
})
const list = (path: string) => fixed(`${path}${path.includes('?') ? '&' : '?'}q=${encodeURI(TAG)}`)
const version = (m: { version?: number }) => m.version ?? 1
const placeOf = (scope: Scope) => (scope === 'in' ? places.yanta : places.yuyang)

export const matrixRoutes: Record<string, RouteCase> = {
  'GET /api/health': { kind: 'public', request: fixed('/api/health') },
  'GET /api/regions': { kind: 'public', request: fixed('/api/regions?level=city&parent=610000') },
  'GET /api/regions/{code}': { kind: 'public', request: fixed('/api/regions/610802') },
  // Region outlines are public like /api/regions: the signed-out map draws them too.
  'GET /tiles/regions/{z}/{x}/{y}': {
    kind: 'public',
    request: fixed('/tiles/regions/6/51/25.pbf'),
  },
  'POST /api/auth/login': {
    kind: 'public',
    request: fixed('/api/auth/login', { username: 'matrix-viewer', password: MATRIX_PASSWORD }),
  },
  'POST /api/auth/logout': { kind: 'public', request: fixed('/api/auth/logout') },
  'GET /api/me': { kind: 'self', request: fixed('/api/me') },
  'POST /api/me/password': {
    kind: 'self',
    // A wrong current password must not change anything; the right one is in users.test.ts.
    request: fixed('/api/me/password', {
      currentPassword: 'not-the-password-at-all',
      newPassword: 'Another-long-passphrase-7',
    }),
    ok: 400,
  },
  'POST /api/users/{id}/password': {
    kind: 'adminOne',
    request: async (r, scope) => ({
      path: `/api/users/${(await r.user(scope)).id}/password`,
      body: { newPassword: `Matrix-reset-${scope}-passphrase-9` },
    }),
  },
  'GET /api/audit': {
    // A history is a list filtered by scope: another jurisdiction's record has an empty one
    // (outEmpty), which says nothing about whether it exists.
    kind: 'readList',
    outEmpty: true,
    request: async (r, scope) => ({
      path: `/api/audit?entity=incident&id=${(await r.incident(scope)).id}`,
    }),
  },
  'GET /api/enterprises': { kind: 'readList', request: list('/api/enterprises') },
  'POST /api/enterprises': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => ({
      path: '/api/enterprises',
      body: await r.enterpriseBody(scope),
    }),
  },
  'GET /api/enterprises/{id}': {
    kind: 'readOne',
    request: async (r, scope) => ({ path: `/api/enterprises/${(await r.enterprise(scope)).id}` }),
  },
  'PATCH /api/enterprises/{id}': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const e = await r.enterprise(scope)
      return { path: `/api/enterprises/${e.id}`, body: { version: version(e), employees: 11 } }
    },
  },
  'POST /api/enterprises/batch': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => ({
      path: '/api/enterprises/batch',
      body: { enterprises: [await r.enterpriseBody(scope)] },
    }),
  },
  'POST /api/enterprises/{id}/retire': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const e = await r.enterprise(scope)
      return {
        path: `/api/enterprises/${e.id}/retire`,
        body: { version: version(e), reason: '核查' },
      }
    },
  },
  'GET /api/hidden-dangers': { kind: 'readList', request: list('/api/hidden-dangers') },
  'POST /api/hidden-dangers': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => {
      // The enterprise is in scope for "in"; for "out" it is 榆林's, which the caller cannot
      // see: an unknown enterprise is a 422 naming enterpriseId, not a 403 (hidden-dangers tests).
      const e = await r.enterprise(scope)
      return {
        path: '/api/hidden-dangers',
        body: {
          enterpriseId: e.id,
          title: `${TAG}隐患`,
          severity: 'general',
          foundOn: today(),
          deadline: today(),
          responsiblePerson: '王五',
        },
        outStatus: 422,
      }
    },
  },
  'GET /api/hidden-dangers/{id}': {
    kind: 'readOne',
    request: async (r, scope) => ({
      path: `/api/hidden-dangers/${(await r.hiddenDanger(scope)).id}`,
    }),
  },
  'PATCH /api/hidden-dangers/{id}': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const d = await r.hiddenDanger(scope)
      return {
        path: `/api/hidden-dangers/${d.id}`,
        body: { version: version(d), status: 'rectifying' },
      }
    },
  },
  'POST /api/hidden-dangers/{id}/retire': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const d = await r.hiddenDanger(scope)
      return {
        path: `/api/hidden-dangers/${d.id}/retire`,
        body: { version: version(d), reason: '核查' },
      }
    },
  },
  'GET /api/resources': { kind: 'readList', request: list('/api/resources') },
  'POST /api/resources': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => ({ path: '/api/resources', body: r.resourceBody(scope) }),
  },
  'GET /api/resources/{id}': {
    kind: 'readOne',
    request: async (r, scope) => ({ path: `/api/resources/${(await r.resource(scope)).id}` }),
  },
  'PATCH /api/resources/{id}': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const x = await r.resource(scope)
      return { path: `/api/resources/${x.id}`, body: { version: version(x), headcount: 21 } }
    },
  },
  'POST /api/resources/{id}/retire': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const x = await r.resource(scope)
      return {
        path: `/api/resources/${x.id}/retire`,
        body: { version: version(x), reason: '核查' },
      }
    },
  },
  'POST /api/hazard-sources/assess': {
    kind: 'self',
    request: fixed('/api/hazard-sources/assess', {
      substances: [{ name: '氯', quantityTonnes: 50 }],
      peopleWithin500m: 100,
    }),
  },
  'GET /api/hazard-sources': { kind: 'readList', request: list('/api/hazard-sources') },
  'POST /api/hazard-sources': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => {
      // As for hidden dangers: 榆林's enterprise is unknown to a 西安 caller (422).
      const e = await r.enterprise(scope)
      return { path: '/api/hazard-sources', body: r.hazardSourceBody(e.id, scope), outStatus: 422 }
    },
  },
  'GET /api/hazard-sources/{id}': {
    kind: 'readOne',
    request: async (r, scope) => ({
      path: `/api/hazard-sources/${(await r.hazardSource(scope)).id}`,
    }),
  },
  'PATCH /api/hazard-sources/{id}': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const h = await r.hazardSource(scope)
      return {
        path: `/api/hazard-sources/${h.id}`,
        body: { version: version(h), peopleWithin500m: 120 },
      }
    },
  },
  'POST /api/hazard-sources/{id}/retire': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const h = await r.hazardSource(scope)
      return {
        path: `/api/hazard-sources/${h.id}/retire`,
        body: { version: version(h), reason: '核查' },
      }
    },
  },
  'POST /api/incidents/classify': {
    kind: 'self',
    request: fixed('/api/incidents/classify', { deaths: 3, seriousInjuries: 0, directLossYuan: 0 }),
  },
  'GET /api/incidents': { kind: 'readList', request: fixed('/api/incidents') },
  'POST /api/incidents': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => ({ path: '/api/incidents', body: r.incidentBody(scope) }),
  },
  'GET /api/incidents/{id}': {
    kind: 'readOne',
    request: async (r, scope) => ({ path: `/api/incidents/${(await r.incident(scope)).id}` }),
  },
  'PATCH /api/incidents/{id}': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const i = await r.incident(scope)
      return { path: `/api/incidents/${i.id}`, body: { version: version(i), address: '核查地址' } }
    },
  },
  'POST /api/incidents/{id}/status': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const i = await r.incident(scope)
      return {
        path: `/api/incidents/${i.id}/status`,
        body: { version: version(i), status: 'responding' },
      }
    },
  },
  'POST /api/incidents/{id}/notes': {
    kind: 'writeOne',
    ok: 201,
    request: async (r, scope) => ({
      path: `/api/incidents/${(await r.incident(scope)).id}/notes`,
      body: { text: '核查记录' },
    }),
  },
  'POST /api/incidents/{id}/obligations/{level}/done': {
    kind: 'writeOne',
    request: async (r, scope) => ({
      path: `/api/incidents/${(await r.incident(scope)).id}/obligations/county/done`,
    }),
  },
  'GET /api/incidents/{id}/recommendations': {
    kind: 'readOne',
    request: async (r, scope) => ({
      path: `/api/incidents/${(await r.incident(scope)).id}/recommendations`,
    }),
  },
  'POST /api/incidents/{id}/dispatches': {
    kind: 'writeOne',
    ok: 201,
    request: async (r, scope) => {
      const incident = await r.incident(scope)
      const resource = await r.resource(scope)
      return {
        path: `/api/incidents/${incident.id}/dispatches`,
        body: { resourceIds: [resource.id] },
      }
    },
  },
  'POST /api/dispatches/{id}/status': {
    kind: 'writeOne',
    request: async (r, scope) => ({
      path: `/api/dispatches/${(await r.dispatch(scope)).id}/status`,
      body: { status: 'en_route' },
    }),
  },
  ...planMatrixRoutes,
  'GET /api/duty/shifts': { kind: 'readList', request: fixed('/api/duty/shifts') },
  'POST /api/duty/shifts': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => {
      const start = Date.now() + 3600_000
      return {
        path: '/api/duty/shifts',
        body: {
          userId: (await r.user(scope)).id,
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 8 * 3600_000).toISOString(),
        },
        // A member of another agency is not on this roster: 422 naming userId.
        outStatus: 422,
      }
    },
  },
  'GET /api/duty/members': { kind: 'readList', request: fixed('/api/duty/members') },
  'GET /api/duty/log': { kind: 'readList', request: fixed('/api/duty/log') },
  'POST /api/duty/log': {
    kind: 'create',
    ok: 201,
    request: async (r, scope) => ({
      path: '/api/duty/log',
      body: { kind: 'note', text: `${TAG}值班记录`, incidentId: (await r.incident(scope)).id },
      // An incident outside the jurisdiction is unknown here: 422 naming incidentId.
      outStatus: 422,
    }),
  },
  'GET /api/duty/inbox': { kind: 'readList', request: fixed('/api/duty/inbox') },
  'POST /api/incidents/{id}/ack': {
    kind: 'writeOne',
    request: async (r, scope) => ({ path: `/api/incidents/${(await r.incident(scope)).id}/ack` }),
  },
  'GET /api/events': { kind: 'stream', request: fixed('/api/events') },
  'GET /api/search': { kind: 'readList', request: list('/api/search') },
  'GET /api/nearby': {
    kind: 'readList',
    showsIn: false,
    request: fixed(`/api/nearby?lng=${placeOf('out')[0]}&lat=${placeOf('out')[1]}&radiusKm=100`),
  },
  'GET /tiles/registry/hazard-sources/{z}/{x}/{y}': {
    kind: 'readList',
    empty: 204,
    request: tile('hazard-sources'),
  },
  'GET /tiles/registry/resources/{z}/{x}/{y}': {
    kind: 'readList',
    empty: 204,
    request: tile('resources'),
  },
  'GET /tiles/registry/hidden-dangers/{z}/{x}/{y}': {
    kind: 'readList',
    empty: 204,
    request: tile('hidden-dangers'),
  },
  'GET /tiles/registry/enterprises/{z}/{x}/{y}': {
    kind: 'readList',
    empty: 204,
    request: tile('enterprises'),
  },
  ...drillMatrixRoutes,
  ...alertMatrixRoutes,
}
