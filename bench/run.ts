import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { repoRoot } from '../server/lib/paths.ts'
import { fullSize, openDataset, quickSize } from './lib/dataset.ts'
import { formatTable } from './lib/report.ts'
import type { BenchEntry, BenchResult } from './lib/types.ts'
import { spatialList } from './entries/spatial-list.ts'
import { hazardWrites } from './entries/hazard-writes.ts'
import { mvtTiles } from './entries/mvt-tiles.ts'
import { frontEnd } from './entries/front-end.ts'
import { recommendation } from './entries/recommendation.ts'
import { sseFanout } from './entries/sse-fanout.ts'
import { bootEntry } from './entries/boot.ts'
import { regionTiles } from './entries/region-tiles.ts'
import { readScaling } from './entries/read-scaling.ts'

/**
 * `npm run bench [-- --quick] [-- --engines pglite,postgres]`: generates the dataset (kept
 * for later runs), measures every entry against its in-run reference, prints one table and
 * writes bench/results/<date>.json. All load stays on this machine and is bounded in count.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    engines: { type: 'string' },
    // Comma-separated parts of entry names, to rerun a few entries: --only mvt,front
    only: { type: 'string' },
  },
})
const quick = values.quick ?? false
const size = quick ? quickSize : fullSize
const engines = (values.engines ?? (process.env.DATABASE_URL ? 'pglite,postgres' : 'pglite'))
  .split(',')
  .map((e) => e.trim()) as ('pglite' | 'postgres')[]
const log = (line: string) => console.log(`[bench] ${line}`)
const only = values.only?.split(',').map((s) => s.trim().toLowerCase())
const chosen = (entry: BenchEntry) =>
  !only || only.some((part) => entry.name.toLowerCase().includes(part))

const dbEntries: BenchEntry[] = [
  spatialList,
  hazardWrites,
  recommendation,
  mvtTiles,
  sseFanout,
  regionTiles,
  // PostgreSQL only (several processes, a replica): it returns no rows on the embedded engine.
  readScaling,
]
const results: BenchResult[] = []
const datasets: Record<string, unknown> = {}
const started = new Date()

// Boot runs first, on its own fresh data folder, before the dataset loads the machine.
if (engines.includes('pglite') && chosen(bootEntry)) {
  log(`pglite: ${bootEntry.name}`)
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  results.push(...(await bootEntry.run({ database: null as never, quick, dataset: {}, log })))
}

// `--only boot` needs no dataset: do not generate one.
const needsDataset = dbEntries.some(chosen) || chosen(frontEnd)
for (const engine of needsDataset ? engines : []) {
  const { database, counts, seededSeconds } = await openDataset(engine, size, log)
  datasets[engine] = { counts, seededSeconds }
  try {
    for (const entry of dbEntries.filter(chosen)) {
      log(`${engine}: ${entry.name}`)
      results.push(...(await entry.run({ database, quick, dataset: counts, log })))
    }
    if (engine === engines[0] && chosen(frontEnd)) {
      log(`${engine}: ${frontEnd.name}`)
      results.push(...(await frontEnd.run({ database, quick, dataset: counts, log })))
    }
  } finally {
    await database.close()
  }
}

const table = formatTable(results)
console.log(
  `\n金安 Command bench — ${quick ? 'quick' : 'full'} (${size.hazardSources} hazard sources, ${size.resources} resources, ${size.incidents} incidents, 1 km risk grid of ${size.riskGridRegion})\n`,
)
console.log(table)
// A partial run (--only) is not a result to keep: it goes under .tmp.
const dir = only ? join(repoRoot, '.tmp', 'bench') : join(repoRoot, 'bench', 'results')
mkdirSync(dir, { recursive: true })
// An explicit --engines run is named after its engines, so runs of one day do not overwrite.
const suffix = `${quick ? '-quick' : ''}${values.engines ? '-' + engines.join('+') : ''}`
const file = join(dir, `${started.toISOString().slice(0, 10)}${suffix}.json`)
writeFileSync(
  file,
  JSON.stringify(
    {
      started: started.toISOString(),
      mode: quick ? 'quick' : 'full',
      size,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      datasets,
      results,
      table,
    },
    null,
    2,
  ) + '\n',
)
console.log(`\nwritten ${file}`)
