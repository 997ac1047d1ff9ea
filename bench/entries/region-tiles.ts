import { createApp } from '../../server/app.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'

/**
 * What the map fetches for one view of the regions: the region tiles of the viewport against
 * the GeoJSON lists the old layer fetched for the same view (every region of each drawn level,
 * whole). A 1920×1080 view at the given zoom; tile zoom as MapLibre picks it for 512-px tiles.
 */
const views = [
  // National: provinces only (cities from 5.5, counties from 7.5).
  { name: 'national view (z3.6)', center: [104, 35.5], zoom: 3.6, levels: ['province'] },
  // A province: provinces and cities.
  { name: 'province view (z6.2)', center: [108.9, 35.9], zoom: 6.2, levels: ['province', 'city'] },
  // A city with its counties: all three levels.
  {
    name: 'city view (z8.6)',
    center: [108.95, 34.3],
    zoom: 8.6,
    levels: ['province', 'city', 'county'],
  },
] as const

function viewTiles(center: readonly [number, number], zoom: number) {
  const z = Math.floor(zoom)
  const scale = 2 ** (zoom - z) * 512
  const cx = ((center[0] + 180) / 360) * 2 ** z
  const r = (center[1] * Math.PI) / 180
  const cy = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z
  const [hw, hh] = [960 / scale, 540 / scale]
  const tiles: string[] = []
  for (let x = Math.floor(cx - hw); x <= Math.floor(cx + hw); x++)
    for (let y = Math.floor(cy - hh); y <= Math.floor(cy + hh); y++) tiles.push(`${z}/${x}/${y}`)
  return tiles
}

async function fetchAll(app: ReturnType<typeof createApp>, paths: string[]) {
  const t0 = performance.now()
  let bytes = 0
  for (const path of paths) bytes += (await (await app.request(path)).arrayBuffer()).byteLength
  return { ms: performance.now() - t0, bytes }
}

export const regionTiles: BenchEntry = {
  name: 'region tiles',
  async run(ctx) {
    const app = createApp({ database: ctx.database })
    const results: BenchResult[] = []
    for (const view of views) {
      const tiles = viewTiles(view.center, view.zoom).map((t) => `/tiles/regions/${t}.pbf`)
      const lists = view.levels.map((l) => `/api/regions?level=${l}&zoom=${Math.floor(view.zoom)}`)
      const rounds = ctx.quick ? 2 : 5
      const tileRuns: number[] = []
      const listRuns: number[] = []
      let tileBytes = 0
      let listBytes = 0
      await fetchAll(app, tiles)
      await fetchAll(app, lists)
      for (let i = 0; i < rounds; i++) {
        const t = await fetchAll(app, tiles)
        const l = await fetchAll(app, lists)
        tileRuns.push(t.ms)
        listRuns.push(l.ms)
        tileBytes = t.bytes
        listBytes = l.bytes
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
      const label = `GeoJSON lists the old layer fetched (${lists.length}, ${(listBytes / 1024).toFixed(0)} KiB)`
      results.push(
        {
          entry: `Region tiles, ${view.name}: ${tiles.length} tiles, bytes`,
          engine: ctx.database.engine,
          metric: 'bytes',
          measured: tileBytes,
          reference: { label, value: listBytes },
          ratio: tileBytes / listBytes,
          unit: 'bytes (ratio)',
        },
        {
          entry: `Region tiles, ${view.name}: ${tiles.length} tiles, time for the view`,
          engine: ctx.database.engine,
          metric: 'latency',
          measured: median(tileRuns),
          reference: { label, value: median(listRuns) },
          ratio: median(tileRuns) / median(listRuns),
          unit: 'ms, median of sequential fetches (ratio)',
        },
      )
    }
    return results
  },
}
