import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { cpuUsage } from 'node:process'
import { boot } from '../../server/boot.ts'
import { repoRoot } from '../../server/lib/paths.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'

/** #19's targets for the embedded engine on the project's 2-core machine. */
const COLD_TARGET_S = 60
const WARM_TARGET_S = 15

async function timedBoot(dataDir: string) {
  const wall = performance.now()
  const cpu = cpuUsage()
  const booted = await boot({ DATA_DIR: dataDir, SEED: 'demo', SEED_SCALE: 1 })
  await booted.database.close()
  const used = cpuUsage(cpu)
  return {
    seconds: (performance.now() - wall) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    seeded: booted.seeded,
  }
}

/**
 * What `npm start` does to the database on the embedded engine: a first start on an empty
 * data folder (PGlite + PostGIS init, migrations, the whole country's regions and the demo
 * seed in one transaction) and a second start on that folder (open, migrations checked, no
 * seed). Measured against the targets rather than a reference: nothing else does this work.
 */
export const bootEntry: BenchEntry = {
  name: 'boot (embedded)',
  async run(ctx) {
    const base = mkdtempSync(join(repoRoot, '.tmp', 'bench-boot-'))
    const dataDir = join(base, 'data')
    try {
      const cold = await timedBoot(dataDir)
      if (!cold.seeded) throw new Error('the first start did not seed')
      ctx.log(`boot: cold ${cold.seconds.toFixed(1)} s`)
      const warm = await timedBoot(dataDir)
      if (warm.seeded) throw new Error('the second start seeded again')
      const row = (metric: string, m: typeof cold, target: number): BenchResult => ({
        // The table shows no metric column: the entry names which start it is.
        entry: `boot, ${metric}`,
        engine: 'pglite',
        metric,
        measured: m.seconds,
        reference: { label: 'target', value: target },
        ratio: m.seconds / target,
        unit: 's',
        note: `${m.cpuSeconds.toFixed(1)} s CPU in this process`,
      })
      return [
        row('first start, new data folder', cold, COLD_TARGET_S),
        row('warm start, existing data folder', warm, WARM_TARGET_S),
      ]
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  },
}
