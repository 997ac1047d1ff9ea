import type { RouteCase } from './matrix-types.ts'
import { TAG } from './matrix-fixtures.ts'

const version = (m: { version?: number }) => m.version ?? 1

/** 应急预案 operations (server/routes/plans): in = 雁塔区, out = 榆阳区, like the rest. */
export const planMatrixRoutes: Record<string, RouteCase> = {
  'GET /api/plans': {
    kind: 'readList',
    request: async () => ({ path: `/api/plans?q=${encodeURI(TAG)}` }),
  },
  'POST /api/plans': {
    kind: 'create',
    ok: 201,
    request: async (_r, scope) => ({
      path: '/api/plans',
      body: {
        level: 'county',
        kind: 'special',
        regionCode: scope === 'in' ? '610113' : '610802',
        title: `${TAG}专项应急预案`,
      },
    }),
  },
  'GET /api/plans/{id}': {
    kind: 'readOne',
    request: async (r, scope) => ({ path: `/api/plans/${(await r.plan(scope, true)).id}` }),
  },
  'PATCH /api/plans/{id}': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const p = await r.plan(scope, true)
      return { path: `/api/plans/${p.id}`, body: { version: version(p), title: `${TAG}改名` } }
    },
  },
  'POST /api/plans/{id}/versions': {
    kind: 'writeOne',
    ok: 201,
    request: async (r, scope) => {
      const p = await r.plan(scope, true)
      return { path: `/api/plans/${p.id}/versions`, body: { version: version(p), body: '# 修订' } }
    },
  },
  'POST /api/plans/{id}/versions/{number}/status': {
    kind: 'writeOne',
    request: async (r, scope) => ({
      path: `/api/plans/${(await r.plan(scope, true)).id}/versions/1/status`,
      body: { version: 1, status: 'approved' },
    }),
  },
  'GET /api/plans/{id}/versions/{number}/attachment': {
    kind: 'readOne',
    request: async (r, scope) => ({
      path: `/api/plans/${(await r.importedPlan(scope)).id}/versions/2/attachment`,
    }),
  },
  'GET /api/plans/{id}/diff': {
    kind: 'readOne',
    request: async (r, scope) => ({
      path: `/api/plans/${(await r.plan(scope, true)).id}/diff?from=1&to=1`,
    }),
  },
  'POST /api/plans/{id}/import': {
    kind: 'writeOne',
    ok: 201,
    request: async (r, scope) => {
      const p = await r.plan(scope, true)
      return {
        path: `/api/plans/${p.id}/import`,
        body: {
          version: version(p),
          fileName: '预案.md',
          mediaType: 'text/markdown',
          base64: Buffer.from('# 预案').toString('base64'),
        },
      }
    },
  },
  'GET /api/incidents/{id}/plan-matches': {
    kind: 'readOne',
    request: async (r, scope) => ({
      path: `/api/incidents/${(await r.incident(scope)).id}/plan-matches`,
    }),
  },
  'GET /api/incidents/{id}/plan-activations': {
    kind: 'readOne',
    request: async (r, scope) => ({
      path: `/api/incidents/${(await r.incident(scope)).id}/plan-activations`,
    }),
  },
  'POST /api/incidents/{id}/plan-activations': {
    kind: 'writeOne',
    ok: 201,
    request: async (r, scope) => {
      const plan = await r.plan(scope)
      const incident = await r.incident(scope)
      return {
        path: `/api/incidents/${incident.id}/plan-activations`,
        body: { planId: plan.id, responseLevel: 'IV' },
      }
    },
  },
  'GET /api/plan-activations/{id}': {
    kind: 'readOne',
    request: async (r, scope) => ({
      path: `/api/plan-activations/${(await r.planActivation(scope)).id}`,
    }),
  },
  'POST /api/plan-activations/{id}/steps/{key}/done': {
    kind: 'writeOne',
    request: async (r, scope) => ({
      path: `/api/plan-activations/${(await r.planActivation(scope)).id}/steps/1/done`,
      body: { note: '核查' },
    }),
  },
  'POST /api/plan-activations/{id}/end': {
    kind: 'writeOne',
    request: async (r, scope) => {
      const a = await r.planActivation(scope)
      return { path: `/api/plan-activations/${a.id}/end`, body: { version: version(a) } }
    },
  },
}
