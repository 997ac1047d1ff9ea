import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Database } from './db/database.ts'
import type { AppEnv, SecurityConfig } from './lib/context.ts'
import { EventHub } from './lib/events/hub.ts'
import { HttpProblem, problemOf, problemResponse } from './lib/problem.ts'
import { healthRouter } from './routes/health/index.ts'
import { regionsRouter } from './routes/regions/index.ts'
import { authRouter, meRouter } from './routes/auth/index.ts'
import { usersRouter } from './routes/users/index.ts'
import { auditRouter } from './routes/audit/index.ts'
import { enterprisesRouter } from './routes/enterprises/index.ts'
import { hiddenDangersRouter } from './routes/hidden-dangers/index.ts'
import { resourcesRouter } from './routes/resources/index.ts'
import { hazardSourcesRouter } from './routes/hazard-sources/index.ts'
import { incidentsRouter } from './routes/incidents/index.ts'
import { dispatchesRouter } from './routes/dispatches/index.ts'
import { dutyRouter } from './routes/duty/index.ts'
import { drillsRouter } from './routes/drills/index.ts'
import { eventsRouter } from './routes/events/index.ts'
import { searchRouter } from './routes/search/index.ts'
import { nearbyRouter } from './routes/nearby/index.ts'
import { activationsRouter, plansRouter } from './routes/plans/index.ts'
import { alertsRouter } from './routes/alerts/index.ts'
import { docsPage, docsScript } from './routes/docs/docs-page.ts'
import { bodySizeLimit, sameOriginWrites, securityHeaders } from './lib/http/edge.ts'
import { safeText } from './lib/http/text-safety.ts'
import { problemOfDatabaseError } from './lib/http/database-errors.ts'
import { isMalformedJson, malformedJsonProblem } from './lib/http/malformed-json.ts'
import { vectorTilesRouter } from './routes/vector-tiles/index.ts'
import { ReadRouting } from './lib/reads/read-routing.ts'
import { readAfterWrite } from './lib/reads/read-after-write.ts'

export interface AppDeps {
  database: Database
  /** A streaming replica of `database` for map reads (READ_DATABASE_URL); none by default. */
  replica?: Database | null
  /** The process's event hub; created here (started on first use) when not given. */
  events?: EventHub
  /** Extra top-level routes (static SPA, tiles) mounted after the API by main.ts. */
  mount?: (app: Hono<AppEnv>) => void
  /** TRUST_PROXY and ALLOWED_ORIGINS from the environment; tests pass their own. */
  security?: Partial<SecurityConfig>
}

/** The Hono app, used by main.ts and by tests through `app.request()`. */
export function createApp(deps: AppDeps) {
  const startedAt = new Date()
  const app = new OpenAPIHono<AppEnv>()
  const events = deps.events ?? new EventHub(deps.database)
  const security: SecurityConfig = {
    trustProxy: deps.security?.trustProxy ?? false,
    allowedOrigins: deps.security?.allowedOrigins ?? [],
    sessionIdleMinutes: deps.security?.sessionIdleMinutes ?? 120,
    // Off unless asked for (server.ts passes SESSION_CACHE_MS): tests change sessions in SQL.
    sessionCacheMs: deps.security?.sessionCacheMs ?? 0,
  }

  app.use('*', async (c, next) => {
    c.set('database', deps.database)
    c.set('events', events)
    c.set('startedAt', startedAt)
    c.set('security', security)
    await next()
  })
  app.use('*', readAfterWrite(new ReadRouting(deps.database, deps.replica ?? null)))
  // The edge, before any route: headers on every answer, then size, origin and text checks.
  app.use('*', securityHeaders)
  app.use('*', bodySizeLimit)
  app.use('*', sameOriginWrites)
  app.use('/api/*', safeText)

  const api = new OpenAPIHono<AppEnv>()
    .route('/', healthRouter)
    .route('/', regionsRouter)
    .route('/', authRouter)
    .route('/', meRouter)
    .route('/', usersRouter)
    .route('/', auditRouter)
    .route('/', enterprisesRouter)
    .route('/', hiddenDangersRouter)
    .route('/', resourcesRouter)
    .route('/', hazardSourcesRouter)
    .route('/', incidentsRouter)
    .route('/', dispatchesRouter)
    .route('/', dutyRouter)
    .route('/', drillsRouter)
    .route('/', eventsRouter)
    .route('/', searchRouter)
    .route('/', nearbyRouter)
    .route('/', plansRouter)
    .route('/', activationsRouter)
    .route('/', alertsRouter)
  app.route('/api', api)
  // Outside /api: MVT under /tiles/ (DESIGN "API conventions"), still signed in and scoped.
  app.route('/', vectorTilesRouter)

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '金安 Command API',
      version: '0.1.0',
      description:
        'Work-safety emergency command system (安全生产应急指挥). Errors are RFC 9457 problem+json.',
    },
  })
  app.get('/api/docs', (c) => c.html(docsPage))
  app.get('/api/docs.js', (c) =>
    c.body(docsScript, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  )

  const noRoute = (c: Context<AppEnv>) =>
    problemResponse(c, {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `No route ${c.req.method} ${c.req.path}`,
    })
  // Claimed here, before `mount` adds the SPA's catch-all: an unknown API path is an API
  // error, never the web page with 200.
  app.all('/api', noRoute)
  app.all('/api/*', noRoute)
  app.notFound((c) => (c.req.path.startsWith('/api/') ? noRoute(c) : c.text('Not Found', 404)))

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(c, problemOf(error))
    if (error instanceof HTTPException && isMalformedJson(error)) {
      return problemResponse(c, malformedJsonProblem)
    }
    if (error instanceof HTTPException) {
      return problemResponse(c, {
        type: 'about:blank',
        title: error.message || 'Error',
        status: error.status,
      })
    }
    const fromDatabase = problemOfDatabaseError(error)
    if (fromDatabase) return problemResponse(c, fromDatabase)
    console.error(error)
    return problemResponse(c, {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The request failed; nothing was changed.',
    })
  })

  deps.mount?.(app as unknown as Hono<AppEnv>)
  return app
}

export type App = ReturnType<typeof createApp>
