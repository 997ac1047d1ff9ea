import { demoAccounts } from '../../data/accounts/demo-accounts.ts'
import { actorForSession } from '../../server/lib/auth/sessions.ts'
import { tileLayers } from '../../server/routes/vector-tiles/vector-tiles.layers.ts'
import {
  renderTile,
  type TileRequest,
} from '../../server/routes/vector-tiles/vector-tiles.queries.ts'
import type { TileAddress } from '../../server/routes/vector-tiles/tile-math.ts'
import { createApp } from '../../server/app.ts'
import { summarise, timeRuns } from '../lib/stats.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'

const lngToX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z)
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)
}

/** Every tile at zoom z over a lng/lat box, west to east, north to south. */
function tilesOver(box: readonly [number, number, number, number], z: number): TileAddress[] {
  const tiles: TileAddress[] = []
  for (let x = lngToX(box[0], z); x <= lngToX(box[2], z); x++)
    for (let y = latToY(box[3], z); y <= latToY(box[1], z); y++) tiles.push({ z, x, y })
  return tiles
}

const SHAANXI = [105.5, 31.7, 111.3, 39.6] as const
const XIAN = [108.7, 34.1, 109.2, 34.4] as const

/**
 * Hazard-source tiles through the API (session, validation, scope, list filters, SQL, MVT
 * encoding) against the same tile SQL run directly on the same connection: on the real server
 * that is the raw ST_AsMVTGeom + ST_AsMVT query (JIT off, as the route runs it); on the
 * embedded engine (no ST_AsMVT) it is the same rows SQL plus the vt-pbf encoder. Province zooms (clustered) and city zooms
 * (every source) are reported apart.
 */
export const mvtTiles: BenchEntry = {
  name: 'MVT tiles',
  async run(ctx) {
    const app = createApp({ database: ctx.database })
    const account = demoAccounts.find((a) => a.username === 'shaanxi')!
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: account.username, password: account.password }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const actor = (await actorForSession(ctx.database.db, cookie.split('=')[1]!))!
    const layer = tileLayers.find((l) => l.name === 'hazard-sources')!
    const groups = {
      'z6–8, clustered': [6, 7, 8].flatMap((z) => tilesOver(SHAANXI, z)),
      'z10–13, each source': [10, 11, 12, 13].flatMap((z) => tilesOver(XIAN, z)),
    }
    const rounds = ctx.quick ? 1 : 3
    const results: BenchResult[] = []
    for (const [group, all] of Object.entries(groups)) {
      const tiles = ctx.quick ? all.filter((_, i) => i % 2 === 0) : all
      let bytes = 0
      const api = async (i: number) => {
        const tile = tiles[(i < 0 ? -i : i) % tiles.length]!
        const res = await app.request(
          `/tiles/registry/hazard-sources/${tile.z}/${tile.x}/${tile.y}.pbf`,
          { headers: { cookie } },
        )
        if (res.status !== 200 && res.status !== 204) throw new Error(`tile → ${res.status}`)
        const body = await res.arrayBuffer()
        if (i >= 0) bytes += body.byteLength
      }
      const direct = async (i: number) => {
        const tile = tiles[(i < 0 ? -i : i) % tiles.length]!
        const request: TileRequest = { layer, tile, actor, query: { includeRetired: false } }
        await renderTile(ctx.database, request)
      }
      const n = tiles.length * rounds
      const t0 = performance.now()
      const measuredRuns = await timeRuns(n, api)
      const apiSeconds = (performance.now() - t0) / 1000
      const t1 = performance.now()
      const referenceRuns = await timeRuns(n, direct)
      const directSeconds = (performance.now() - t1) / 1000
      const measured = summarise(measuredRuns)
      const reference = summarise(referenceRuns)
      const label =
        ctx.database.engine === 'postgres'
          ? 'the raw ST_AsMVTGeom + ST_AsMVT tile SQL, no HTTP/auth'
          : 'same tile SQL + vt-pbf encoder, no HTTP/auth (no ST_AsMVT here)'
      const entry = `MVT hazard-source tiles (${group}, ${tiles.length} tiles, ${(bytes / n / 1024).toFixed(1)} KiB avg)`
      results.push(
        {
          entry: `${entry}: latency`,
          engine: ctx.database.engine,
          metric: 'latency',
          measured,
          reference: { label, value: reference },
          ratio: measured.p95 / reference.p95,
          unit: 'ms (ratio of p95)',
        },
        {
          entry: `${entry}: tiles/s, one client`,
          engine: ctx.database.engine,
          metric: 'throughput',
          measured: n / apiSeconds,
          reference: { label, value: n / directSeconds },
          ratio: n / directSeconds / (n / apiSeconds),
          unit: 'tiles/s (slowdown)',
        },
      )
    }
    return results
  },
}
