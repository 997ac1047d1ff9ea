import { sql } from 'drizzle-orm'
import { withDatabase } from '../../server/test/template.ts'
import { replicaCaughtUp } from '../../server/test/replica.ts'
import {
  signInCookie,
  startServerProcess,
  type ServerProcess,
} from '../../server/ops/server-process.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'

/** County-sized views across 西安 (list by bbox) and the zoom-12/13 tiles over the city. */
const XIAN = { west: 108.7, south: 34.1, east: 109.2, north: 34.45 }
const COUNTY_DEG = 0.1
/** Requests in flight at once from the load generator, the same for every layout. */
const CONCURRENCY = 16

function tileOf(lng: number, lat: number, z: number) {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  const x = Math.floor(((lng + 180) / 360) * n)
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)
  return `${z}/${x}/${y}`
}

/** The read mix: every other request a bbox list, the others a hazard-source tile. */
function readPaths(): string[] {
  const paths: string[] = []
  for (let lng = XIAN.west; lng < XIAN.east; lng += COUNTY_DEG) {
    for (let lat = XIAN.south; lat < XIAN.north; lat += COUNTY_DEG) {
      const bbox = [lng, lat, lng + COUNTY_DEG, lat + COUNTY_DEG].map((v) => v.toFixed(3))
      paths.push(`/api/hazard-sources?bbox=${bbox.join(',')}`)
      const z = paths.length % 4 === 1 ? 12 : 13
      paths.push(`/tiles/registry/hazard-sources/${tileOf(lng, lat, z)}.pbf`)
    }
  }
  return paths
}

/** Reads per second from CONCURRENCY loops over `paths` for `seconds`, after a warm-up. */
async function readsPerSecond(url: string, cookie: string, paths: string[], seconds: number) {
  let next = 0
  let done = 0
  let failed = 0
  const loop = async (until: number, count: boolean) => {
    while (performance.now() < until) {
      const path = paths[next++ % paths.length]!
      const res = await fetch(`${url}${path}`, { headers: { cookie } })
      await res.arrayBuffer()
      if (res.status !== 200 && res.status !== 204) failed++
      else if (count) done++
    }
  }
  const warm = performance.now() + 1_000
  await Promise.all(Array.from({ length: CONCURRENCY }, () => loop(warm, false)))
  const t0 = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, () => loop(t0 + seconds * 1000, true)))
  const elapsed = (performance.now() - t0) / 1000
  if (failed > 0) throw new Error(`${failed} reads failed`)
  return done / elapsed
}

interface Layout {
  label: string
  workers: number
  replica: boolean
}

const layouts: Layout[] = [
  { label: '1 API process', workers: 1, replica: false },
  { label: '2 API processes (WORKERS=2)', workers: 2, replica: false },
  { label: '2 API processes + read replica', workers: 2, replica: true },
]

/**
 * The map's read path over real HTTP (session, scope, bbox list and MVT) against `npm start`
 * itself in three layouts on the bench database: one process, WORKERS=2, and WORKERS=2 with
 * READ_DATABASE_URL on the streaming replica (.ci/replica.sh). One load generator, the same
 * mix and concurrency for each, in this process; the one-process layout is the reference.
 * Everything shares this machine's cores: the load generator, the API processes, the primary
 * and the replica, so what it shows is how the layouts compare here, not a cluster's ceiling.
 */
export const readScaling: BenchEntry = {
  name: 'read scaling',
  async run(ctx) {
    const base = process.env.DATABASE_URL
    if (ctx.database.engine !== 'postgres' || !base) return []
    const name = (
      (await ctx.database.db.execute(sql`select current_database() as name`)).rows[0] as {
        name: string
      }
    ).name
    const databaseUrl = withDatabase(base, name)
    const readUrl = process.env.READ_DATABASE_URL
    const seconds = ctx.quick ? 4 : 15
    const paths = readPaths()
    const measured = new Map<string, number>()
    const results: BenchResult[] = []
    for (const layout of layouts) {
      if (layout.replica && !readUrl) {
        results.push({
          entry: `${this.name}: ${layout.label}`,
          engine: 'postgres',
          metric: 'throughput',
          measured: null,
          unit: 'reads/s',
          note: 'not measured: READ_DATABASE_URL is not set (.ci/replica.sh start)',
        })
        continue
      }
      // The dataset may be new: the replica must have replayed it before it can serve it.
      if (layout.replica) await replicaCaughtUp(ctx.database)
      let server: ServerProcess | null = null
      try {
        server = await startServerProcess(
          { databaseUrl },
          {
            entry: 'server/start.ts',
            env: {
              SEED: 'none',
              WORKERS: String(layout.workers),
              // Only the replica layout reads from it, whatever the bench was started with.
              READ_DATABASE_URL: layout.replica ? withDatabase(readUrl!, name) : undefined,
            },
          },
        )
        const cookie = await signInCookie(server.url, 'shaanxi')
        const rate = await readsPerSecond(server.url, cookie, paths, seconds)
        measured.set(layout.label, rate)
        ctx.log(`read scaling: ${layout.label}: ${rate.toFixed(0)} reads/s`)
      } finally {
        if (server && server.child.exitCode === null) server.child.kill('SIGTERM')
        await server?.exited
      }
      const one = measured.get(layouts[0]!.label)!
      const rate = measured.get(layout.label)!
      results.push({
        entry: `${this.name}: ${layout.label}`,
        engine: 'postgres',
        metric: 'throughput',
        measured: rate,
        ...(layout.workers > 1 || layout.replica
          ? { reference: { label: layouts[0]!.label, value: one }, ratio: rate / one }
          : {}),
        unit: 'reads/s',
        note: `bbox list + MVT, ${CONCURRENCY} in flight, ${seconds} s`,
      })
    }
    return results
  },
}
