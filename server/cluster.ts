import cluster, { type Worker } from 'node:cluster'
import { fileURLToPath } from 'node:url'
import { boot } from './boot.ts'
import type { Env } from './env.ts'

/** The file each worker runs: the same entry as a single-process `npm run dev`. */
const workerEntry = fileURLToPath(new URL('./main.ts', import.meta.url))
/** A worker that dies unasked is restarted, but not in a tight loop. */
const RESTART_DELAY_MS = 1_000

/**
 * Why WORKERS > 1 cannot run on the embedded engine: PGlite is a database inside one
 * process, with its files open there; a second process would corrupt them.
 */
export function workersProblem(env: Pick<Env, 'WORKERS' | 'DATABASE_URL'>): string | null {
  if (env.WORKERS <= 1 || env.DATABASE_URL) return null
  return (
    `WORKERS=${env.WORKERS} needs DATABASE_URL: the embedded engine (PGlite) is one ` +
    `process's database and cannot be shared by several API processes. Set DATABASE_URL to ` +
    `a PostgreSQL + PostGIS server (docs/scaling.md), or start with WORKERS=1.`
  )
}

/**
 * `WORKERS=N npm start`: this (primary) process builds what is missing (`ready`), migrates
 * and seeds the database once, then forks N API processes that share the port (node:cluster
 * hands each accepted connection to one of them). A worker's own boot then finds nothing to
 * migrate or seed. Events cross processes through LISTEN/NOTIFY, sessions and read-after-
 * write state live in the database and cookies, so any worker can answer any request.
 *
 * SIGTERM is passed to every worker, which drains as a single server does (server.ts); the
 * primary exits when they all have, 0 if they all exited 0. Ctrl-C reaches the workers from
 * the terminal itself, so on SIGINT the primary only waits.
 */
export async function runCluster(env: Env, ready: Promise<unknown>): Promise<void> {
  const log = (line: string) => {
    if (env.LOG_LEVEL !== 'silent') console.log(`[jinan] ${line}`)
  }
  const booted = await boot(env, log)
  log(`migrations: ${booted.migrations.applied} applied, schema version ${booted.migrations.total}`)
  log(booted.seeded ? 'new database: demo data seeded' : 'existing database: not re-seeded')
  await booted.database.close()
  await ready

  cluster.setupPrimary({ exec: workerEntry })
  let stopping = false
  let failed = false
  const live = new Set<Worker>()
  const fork = () => {
    const worker = cluster.fork()
    live.add(worker)
    let listened = false
    worker.once('listening', () => (listened = true))
    worker.on('exit', (code, signal) => {
      live.delete(worker)
      if (!listened && !stopping) {
        // It never came up (port taken, database unreachable): another would fail the same way.
        console.error(`[jinan] a worker failed to start (${signal ?? code}); stopping`)
        failed = true
        stop('SIGTERM', true)
      }
      if (stopping) {
        if (code !== 0) failed = true
        if (live.size === 0) process.exit(failed ? 1 : 0)
        return
      }
      console.error(
        `[jinan] worker ${worker.process.pid} exited (${signal ?? code}); starting another`,
      )
      setTimeout(() => {
        if (!stopping) fork()
      }, RESTART_DELAY_MS).unref()
    })
  }
  for (let i = 0; i < env.WORKERS; i++) fork()
  log(`${env.WORKERS} API processes on port ${env.PORT}`)

  const stop = (signal: NodeJS.Signals, forward: boolean) => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping ${live.size} API processes`)
    if (live.size === 0) process.exit(0)
    if (forward) for (const worker of live) worker.process.kill(signal)
  }
  process.on('SIGTERM', () => stop('SIGTERM', true))
  process.on('SIGINT', () => stop('SIGINT', false))
}
