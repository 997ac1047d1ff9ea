/**
 * Seeded demo data on the real 陕西 geography: enterprises, GB 18218 hazard sources, hidden
 * dangers and rescue resources. `planDemo` decides every row (pure, deterministic);
 * `writeDemo` inserts them, deriving regions from the county polygons. Same seed and scale,
 * same rows, byte for byte.
 */
import type { Queryable } from '../../server/db/database.ts'
import { shaanxiGeography, type DemoGeography } from './anchors.ts'
import { DEFAULT_REFERENCE_DATE, DEFAULT_SEED, planDemo, type DemoPlan } from './plan.ts'
import { writeDemo } from './write.ts'

export { planDemo, DEFAULT_SEED, DEFAULT_REFERENCE_DATE, type DemoPlan }

export interface GenerateOptions {
  seed?: number
  /** Multiplies every count: 1 ≈ 2,000 enterprises, 600 hazard sources, 1,500 dangers. */
  scale?: number
  /** Multiplies the resource count alone (1 ≈ 1,200 resources); defaults to `scale`. */
  resourceScale?: number
  /** The demo's "today" (YYYY-MM-DD); dates count back from it. */
  referenceDate?: string
  geography?: DemoGeography
  log?: (line: string) => void
}

export interface DemoSummary {
  enterprises: number
  hazardSources: number
  hiddenDangers: number
  resources: number
  /** Hazard sources per grade; 'none' are units below the threshold (S < 1). */
  grades: Record<string, number>
  majorDangers: number
  /** Open or rectifying dangers whose deadline is before the reference date. */
  overdueDangers: number
  movedToAnchor: number
  ms: { plan: number; write: number; total: number }
}

export function summarise(plan: DemoPlan): Omit<DemoSummary, 'movedToAnchor' | 'ms'> {
  const grades: Record<string, number> = { 一级: 0, 二级: 0, 三级: 0, 四级: 0, none: 0 }
  for (const h of plan.hazardSources)
    grades[h.grade ?? 'none'] = (grades[h.grade ?? 'none'] ?? 0) + 1
  const open = new Set(['open', 'rectifying'])
  return {
    enterprises: plan.enterprises.length,
    hazardSources: plan.hazardSources.length,
    hiddenDangers: plan.hiddenDangers.length,
    resources: plan.resources.length,
    grades,
    majorDangers: plan.hiddenDangers.filter((d) => d.severity === 'major').length,
    overdueDangers: plan.hiddenDangers.filter(
      (d) => open.has(d.status) && d.deadline < plan.referenceDate,
    ).length,
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export async function generateDemo(
  db: Queryable,
  options: GenerateOptions = {},
): Promise<DemoSummary> {
  const log = options.log ?? (() => {})
  const geography = options.geography ?? shaanxiGeography
  const started = performance.now()
  const plan = planDemo(options.seed ?? DEFAULT_SEED, options.scale ?? 1, geography, {
    ...(options.resourceScale !== undefined ? { resourceScale: options.resourceScale } : {}),
    referenceDate: options.referenceDate ?? DEFAULT_REFERENCE_DATE,
  })
  const planned = performance.now()
  const timings = await writeDemo(db, plan, geography.province)
  const done = performance.now()
  const summary: DemoSummary = {
    ...summarise(plan),
    movedToAnchor: timings.movedToAnchor,
    ms: { plan: planned - started, write: done - planned, total: done - started },
  }
  const g = summary.grades
  log(
    `demo data (seed ${plan.seed}, scale ${plan.scale}, resources ×${plan.resourceScale}), ` +
      `planned in ${seconds(summary.ms.plan)}:`,
  )
  log(
    `  enterprises     ${String(summary.enterprises).padStart(7)}  ${seconds(timings.enterprises)}`,
  )
  log(
    `  hazard sources  ${String(summary.hazardSources).padStart(7)}  ${seconds(timings.hazardSources)}` +
      `  (一级 ${g['一级']}, 二级 ${g['二级']}, 三级 ${g['三级']}, 四级 ${g['四级']}, S<1 ${g['none']})`,
  )
  log(
    `  hidden dangers  ${String(summary.hiddenDangers).padStart(7)}  ${seconds(timings.hiddenDangers)}` +
      `  (${summary.majorDangers} major, ${summary.overdueDangers} overdue on ${plan.referenceDate})`,
  )
  log(`  resources       ${String(summary.resources).padStart(7)}  ${seconds(timings.resources)}`)
  log(`  total ${seconds(summary.ms.total)}`)
  return summary
}
