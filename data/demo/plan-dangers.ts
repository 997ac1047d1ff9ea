import type { Industry } from '../../server/db/schema/enterprises.ts'
import type { dangerStatuses } from '../../server/db/schema/hidden-dangers.ts'
import { dangerStatusWeights, generalDangerTitles, majorLists } from './catalog-dangers.ts'
import { industryProfiles } from './catalog.ts'
import { addDays, daysBetween, groupBy, jitter, officeTime, personName } from './place.ts'
import type { PlannedEnterprise } from './plan-enterprises.ts'
import type { PlannedHazardSource } from './plan-hazards.ts'
import { WeightedTable, type Rng } from './random.ts'

export const HIDDEN_DANGERS_AT_SCALE_1 = 1500
/** Share of all hidden dangers that are major; they go to industries with a published list. */
export const MAJOR_SHARE = 0.1
/** Found within this many days before the reference date (18 months). */
export const FOUND_WITHIN_DAYS = 547

export type DangerStatus = (typeof dangerStatuses)[number]

export interface PlannedHiddenDanger {
  id: string
  enterpriseId: string
  hazardSourceId: string | null
  title: string
  description: string
  severity: 'general' | 'major'
  majorListId: string | null
  majorItem: string | null
  foundOn: string
  deadline: string
  responsiblePerson: string
  status: DangerStatus
  closedAt: string | null
  verified: boolean
  /** Offset from the hazard source (if any) or else the enterprise location, degrees. */
  dLng: number
  dLat: number
  createdAt: string
  updatedAt: string
}

/**
 * Hidden dangers at enterprises across the 18 months before the reference date. Old ones are
 * mostly closed; of those whose deadline has passed, about a quarter are still open or being
 * rectified, i.e. overdue. Major ones cite an item of their sector's list.
 */
export function planHiddenDangers(
  rng: Rng,
  enterprises: readonly PlannedEnterprise[],
  hazardSources: readonly PlannedHazardSource[],
  scale: number,
  referenceDate: string,
): PlannedHiddenDanger[] {
  const byIndustry = groupBy(enterprises, (e) => e.industry)
  const unitsOf = groupBy(hazardSources, (h) => h.enterpriseId)

  const shares = Object.entries(industryProfiles)
    .filter(([industry]) => (byIndustry.get(industry as Industry)?.length ?? 0) > 0)
    .map(([industry, p]) => [industry as Industry, p.dangerShare] as const)
  const industryTable = new WeightedTable(shares)
  const listed = shares.filter(([industry]) => majorLists[industry])
  const listedShare =
    listed.reduce((sum, [, s]) => sum + s, 0) / shares.reduce((s, [, x]) => s + x, 0)
  const majorChance = listedShare > 0 ? Math.min(1, MAJOR_SHARE / listedShare) : 0
  const pending = new WeightedTable(dangerStatusWeights.pending)
  const due = new WeightedTable(dangerStatusWeights.due)

  const rows: PlannedHiddenDanger[] = []
  const count = Math.round(HIDDEN_DANGERS_AT_SCALE_1 * scale)
  for (let i = 0; i < count; i++) {
    const industry = industryTable.draw(rng)
    const enterprise = rng.pick(byIndustry.get(industry) ?? [])
    const units = unitsOf.get(enterprise.id)
    const unit = units && rng.chance(0.4) ? rng.pick(units) : null
    const list = majorLists[industry]
    const major = list !== undefined && rng.chance(majorChance)
    const item = major ? rng.pick(list.items) : null
    const title = item ? item.text : rng.pick(generalDangerTitles[industry])

    const age = rng.int(0, FOUND_WITHIN_DAYS)
    const foundOn = addDays(referenceDate, -age)
    const deadline = addDays(foundOn, major ? rng.int(30, 120) : rng.int(7, 60))
    const status = (deadline < referenceDate ? due : pending).draw(rng)
    const createdAt = officeTime(rng, foundOn)
    let closedAt: string | null = null
    let updatedAt = createdAt
    if (status !== 'open') {
      // Work on it started (and for closed ones finished) between finding and the reference date.
      const span = Math.max(0, Math.min(daysBetween(foundOn, deadline) + 10, age))
      const at = officeTime(rng, addDays(foundOn, rng.int(0, span)))
      updatedAt = at < createdAt ? createdAt : at
      if (status === 'closed') closedAt = updatedAt
    }
    const [dLng, dLat] = jitter(rng, 80, enterprise.lat)
    rows.push({
      id: rng.uuid(),
      enterpriseId: enterprise.id,
      hazardSourceId: unit?.id ?? null,
      title,
      description: `示例数据：${enterprise.name}${unit ? unit.name : ''}排查发现“${title}”。`,
      severity: major ? 'major' : 'general',
      majorListId: major && list ? list.id : null,
      majorItem: item ? item.code : null,
      foundOn,
      deadline,
      responsiblePerson: personName(rng),
      status,
      closedAt,
      verified: status === 'verified' || status === 'closed',
      dLng,
      dLat,
      createdAt,
      updatedAt,
    })
  }
  return rows
}
