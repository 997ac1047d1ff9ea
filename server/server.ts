import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { EventHub } from './lib/events/hub.ts'
import { boot } from './boot.ts'
import { parseEnv } from './env.ts'
import { MissingPostgisError } from './db/migrate.ts'
import { spaRouter } from './routes/spa.ts'
import { tilesRouter } from './routes/tiles/index.ts'

/** Boots the database, waits for `ready` (builds that must finish first), then listens. */
export async function startServer(ready: Promise<unknown> = Promise.resolve()): Promise<void> {
  const t0 = performance.now()
  const env = parseEnv()
  const log = (line: string) => {
    if (env.LOG_LEVEL !== 'silent') console.log(`[jinan] ${line}`)
  }

  try {
    const { database, postgis, migrations, seeded } = await boot(env, log)
    log(
      `engine ${database.engine}${database.engine === 'pglite' ? ` (data in ${env.DATA_DIR})` : ''}, PostGIS ${postgis}`,
    )
    log(`migrations: ${migrations.applied} applied, schema version ${migrations.total}`)
    log(seeded ? 'new database: demo data seeded' : 'existing database: not re-seeded')
    const events = new EventHub(database)
    await events.start()
    const app = createApp({
      database,
      events,
      security: {
        trustProxy: env.TRUST_PROXY,
        allowedOrigins: env.ALLOWED_ORIGINS,
        sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
      },
      mount: (root) => {
        root.route('/', tilesRouter())
        root.route('/', spaRouter())
      },
    })
    await ready
    const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
      const seconds = ((performance.now() - t0) / 1000).toFixed(1)
      log(`ready at http://localhost:${info.port} in ${seconds} s`)
    })
    const shutdown = () => {
      log('shutting down')
      server.close()
      void events
        .stop()
        .then(() => database.close())
        .finally(() => process.exit(0))
    }
    process.on('SIGINT', shutdown)
    process.on('SIGTERM', shutdown)
  } catch (error) {
    if (error instanceof MissingPostgisError) {
      console.error(`[jinan] ${error.message}`)
      process.exit(2)
    }
    throw error
  }
}
