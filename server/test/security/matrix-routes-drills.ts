import { TAG, type MatrixRecords, type Scope } from './matrix-fixtures.ts'

type R = MatrixRecords
type S = Scope

/** The drills routes (应急演练) of the route matrix; spread into matrixRoutes. */
// Typed where matrix-routes.ts spreads it (importing RouteCase here would close a circle).
export const drillMatrixRoutes = {
  'GET /api/drills': {
    kind: 'readList' as const,
    request: async () => ({ path: `/api/drills?q=${encodeURI(TAG)}` }),
  },
  'POST /api/drills': {
    kind: 'create' as const,
    ok: 201,
    request: async (r: R, scope: S) => ({ path: '/api/drills', body: await r.drillBody(scope) }),
  },
  'GET /api/drills/{id}': {
    kind: 'readOne' as const,
    request: async (r: R, scope: S) => ({ path: `/api/drills/${(await r.drill(scope)).id}` }),
  },
  'PATCH /api/drills/{id}': {
    kind: 'writeOne' as const,
    request: async (r: R, scope: S) => ({
      path: `/api/drills/${(await r.drill(scope)).id}`,
      body: { version: 1, address: '核查地址' },
    }),
  },
  'POST /api/drills/{id}/run': {
    kind: 'writeOne' as const,
    request: async (r: R, scope: S) => ({
      path: `/api/drills/${(await r.drill(scope)).id}/run`,
      body: { version: 1 },
    }),
  },
  'POST /api/drills/{id}/finish': {
    kind: 'writeOne' as const,
    request: async (r: R, scope: S) => {
      const drill = await r.runningDrill(scope)
      return {
        path: `/api/drills/${drill.id}/finish`,
        body: { version: drill.version ?? 2, stepMinutes: { receive: 0 } },
      }
    },
  },
  'GET /api/drills/{id}/replay': {
    kind: 'readOne' as const,
    request: async (r: R, scope: S) => ({
      path: `/api/drills/${(await r.runningDrill(scope)).id}/replay`,
    }),
  },
}
