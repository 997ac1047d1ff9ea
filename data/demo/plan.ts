/**
 * The pure half of the demo generator: from a seed, a scale and the anchors, every row the
 * demo database will hold, with ids, names, places (before the county lookup), dates and GB
 * 18218 assessments. No I/O, no clock, no Math.random: the same arguments give deep-equal
 * plans. Each table draws from its own PRNG stream, so the resource scale does not move the
 * registry rows.
 */
import { shaanxiGeography, type DemoGeography } from './anchors.ts'
import { planHiddenDangers, type PlannedHiddenDanger } from './plan-dangers.ts'
import { planEnterprises, type PlannedEnterprise } from './plan-enterprises.ts'
import { planHazardSources, type PlannedHazardSource } from './plan-hazards.ts'
import { planResources, type PlannedResource } from './plan-resources.ts'
import { Rng } from './random.ts'

export const DEFAULT_SEED = 20261128
/** Demo "today": found dates, deadlines and ages count back from here, not from the clock. */
export const DEFAULT_REFERENCE_DATE = '2026-11-28'

export interface PlanOptions {
  /** Multiplier for the resource count alone; defaults to `scale`. */
  resourceScale?: number
  referenceDate?: string
}

export interface DemoPlan {
  seed: number
  scale: number
  resourceScale: number
  referenceDate: string
  enterprises: PlannedEnterprise[]
  hazardSources: PlannedHazardSource[]
  hiddenDangers: PlannedHiddenDanger[]
  resources: PlannedResource[]
}

export function planDemo(
  seed: number = DEFAULT_SEED,
  scale = 1,
  geography: DemoGeography = shaanxiGeography,
  options: PlanOptions = {},
): DemoPlan {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a number, got ${seed}`)
  if (!(scale > 0)) throw new Error(`scale must be > 0, got ${scale}`)
  const resourceScale = options.resourceScale ?? scale
  if (!(resourceScale >= 0)) throw new Error(`resourceScale must be ≥ 0, got ${resourceScale}`)
  const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
    throw new Error(`referenceDate must be YYYY-MM-DD, got ${referenceDate}`)
  }
  const { anchors } = geography
  const enterprises = planEnterprises(new Rng(seed, 'enterprises'), anchors, scale, referenceDate)
  const hazardSources = planHazardSources(
    new Rng(seed, 'hazard-sources'),
    enterprises,
    scale,
    referenceDate,
  )
  const hiddenDangers = planHiddenDangers(
    new Rng(seed, 'hidden-dangers'),
    enterprises,
    hazardSources,
    scale,
    referenceDate,
  )
  const resources = planResources(new Rng(seed, 'resources'), anchors, resourceScale, referenceDate)
  return {
    seed,
    scale,
    resourceScale,
    referenceDate,
    enterprises,
    hazardSources,
    hiddenDangers,
    resources,
  }
}
