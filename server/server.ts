import cluster from 'node:cluster'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { EventHub } from './lib/events/hub.ts'
import { boot } from './boot.ts'
import { parseEnv } from './env.ts'
import { MissingPostgisError } from './db/migrate.ts'
import { trackRequests } from './lib/drain.ts'
import { spaRouter } from './routes/spa.ts'
import { tilesRouter } from './routes/tiles/index.ts'
import { openReadReplica } from './db/open-read-replica.ts'
import { startDrillScheduler } from './routes/drills/index.ts'

/** How long SIGTERM waits for requests in flight before closing their connections. */
const DRAIN_MS = 10_000

const unavailable = () =>
  new Response(
    JSON.stringify({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The server is shutting down; retry the request.',
    }),
    {
      status: 503,
      headers: {
        'content-type': 'application/problem+json',
        'retry-after': '1',
        connection: 'close',
      },
    },
  )

/** Boots the database, waits for `ready` (builds that must finish first), then listens. */
export async function startServer(ready: Promise<unknown> = Promise.resolve()): Promise<void> {
  const t0 = performance.now()
  const env = parseEnv()
  // Under WORKERS=N each API process says which it is.
  const label = cluster.isWorker ? `[jinan ${process.pid}]` : '[jinan]'
  const log = (line: string) => {
    if (env.LOG_LEVEL !== 'silent') console.log(`${label} ${line}`)
  }

  try {
    const { database, postgis, migrations, seeded } = await boot(env, log)
    log(
      `engine ${database.engine}${database.engine === 'pglite' ? ` (data in ${env.DATA_DIR})` : ''}, PostGIS ${postgis}`,
    )
    log(`migrations: ${migrations.applied} applied, schema version ${migrations.total}`)
    log(seeded ? 'new database: demo data seeded' : 'existing database: not re-seeded')
    const replica = await openReadReplica(env, log)
    const events = new EventHub(database)
    await events.start()
    const app = createApp({
      database,
      replica,
      events,
      security: {
        trustProxy: env.TRUST_PROXY,
        allowedOrigins: env.ALLOWED_ORIGINS,
        sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
        sessionCacheMs: env.SESSION_CACHE_MS,
      },
      mount: (root) => {
        root.route('/', tilesRouter())
        root.route('/', spaRouter())
      },
    })
    // Drill injections that fell due while the server was down go out now, the rest on time.
    const drills = startDrillScheduler(database)
    await ready
    let drainer: ReturnType<typeof trackRequests> | null = null
    const server = serve(
      {
        // While draining, a request on a kept-alive socket is turned away so a load balancer
        // retries it on another instance; requests already running are not affected.
        fetch: (request, bindings) =>
          drainer?.draining ? unavailable() : app.fetch(request, bindings),
        port: env.PORT,
        hostname: env.HOST,
      },
      (info) => {
        const seconds = ((performance.now() - t0) / 1000).toFixed(1)
        log(`ready at http://localhost:${info.port} in ${seconds} s`)
      },
    ) as Server
    drainer = trackRequests(server)
    const tracked = drainer
    let stopping = false
    const shutdown = async (signal: string) => {
      if (stopping) {
        // A second signal (Ctrl-C twice) means "now": skip the rest of the drain.
        log(`${signal} again: exiting without waiting`)
        process.exit(1)
      }
      stopping = true
      log(`${signal}: draining ${tracked.inFlight} open requests (at most ${DRAIN_MS / 1000} s)`)
      let code = 0
      try {
        const drained = tracked.drain(DRAIN_MS)
        // SSE streams never end by themselves: stopping the hub drops every subscriber, which
        // closes its stream (the client resumes elsewhere with Last-Event-ID).
        await events.stop()
        const { ms, cutOff } = await drained
        log(cutOff ? `drain deadline: ${cutOff} requests cut off` : `drained in ${ms} ms`)
        // A stream that opened while draining may have restarted the hub.
        await events.stop()
        await drills.stop()
        await database.close()
        await replica?.close()
      } catch (error) {
        console.error(`[jinan] shutdown failed: ${String(error)}`)
        code = 1
      }
      process.exit(code)
    }
    process.on('SIGINT', () => void shutdown('SIGINT'))
    process.on('SIGTERM', () => void shutdown('SIGTERM'))
  } catch (error) {
    if (error instanceof MissingPostgisError) {
      console.error(`[jinan] ${error.message}`)
      process.exit(2)
    }
    throw error
  }
}
