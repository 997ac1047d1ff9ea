/**
 * Dispatch recommendation (调派推荐): how soon a resource can be on scene and how well it fits
 * the incident. Straight-line estimates only — there is no road network in the system — so
 * every number here is a documented constant, shown to the commander as an estimate.
 *
 * ETA (minutes) = great-circle km × ROAD_DETOUR_FACTOR ÷ kind speed (km/h) × 60.
 * Ranking cost (minutes) = ETA + (1 − fitness) × FITNESS_PENALTY_MINUTES: a perfectly fitting
 * resource may be up to an hour further away than an unsuited one and still rank above it.
 * Among resources of equal fitness and kind the order is by distance.
 */
import { greatCircleKm, type LngLat } from '../geo/geo'

/** Road distance ≈ 1.3 × straight-line distance (typical circuity of Chinese road networks). */
export const ROAD_DETOUR_FACTOR = 1.3

/** Average travel speed per resource kind, km/h, including mustering. */
export const KIND_SPEED_KMH = {
  team: 40,
  equipment: 35,
  warehouse: 30,
  medical: 45,
  expert: 50,
  shelter: 30,
} as const
export type ResourceKindName = keyof typeof KIND_SPEED_KMH

/** Minutes of ETA one unit of missing fitness is worth in the ranking. */
export const FITNESS_PENALTY_MINUTES = 60

/** Fitness of a resource no rule mentions: usable, but not what the incident needs. */
export const BASELINE_FITNESS = 0.1

export type FitnessTable = Readonly<Record<string, number>>

/** Hazardous chemicals: 泄漏/危化品运输 always, 爆炸/中毒窒息 when a substance is named. */
const CHEMICAL: FitnessTable = {
  危化品救援队: 1,
  危化品侦检车: 0.9,
  泡沫消防车: 0.85,
  危化品专家: 0.8,
  消防救援队: 0.7,
  危化品应急物资库: 0.7,
  综合应急救援队: 0.5,
}
/** Underground: 透水, 冒顶片帮, 瓦斯. */
const MINE: FitnessTable = {
  矿山救护队: 1,
  矿山救援专家: 0.8,
  矿山应急物资库: 0.7,
  排水泵车: 0.6,
  综合应急救援队: 0.5,
}
const FIRE: FitnessTable = {
  消防救援队: 1,
  泡沫消防车: 0.85,
  消防专家: 0.7,
  抢险救援车: 0.7,
  综合应急救援队: 0.6,
  危化品救援队: 0.5,
}
const COLLAPSE: FitnessTable = {
  矿山救护队: 0.9,
  综合应急救援队: 0.9,
  挖掘机: 0.85,
  消防救援队: 0.8,
  抢险救援车: 0.8,
  无人机: 0.5,
}
const ROAD: FitnessTable = {
  抢险救援车: 0.9,
  消防救援队: 0.8,
  急救中心: 0.8,
  医疗救护队: 0.8,
  综合应急救援队: 0.6,
}
const GENERAL: FitnessTable = { 综合应急救援队: 0.8, 消防救援队: 0.6, 抢险救援车: 0.6 }

/** Extra rows when people are dead, injured or missing: medical help fits any incident. */
export const CASUALTY_FITNESS: FitnessTable = {
  医疗救护队: 0.8,
  急救中心: 0.8,
  综合医院: 0.7,
  医疗专家: 0.6,
}
/** Specialist care for the injuries a type causes. */
const CASUALTY_SPECIAL: Readonly<Record<string, FitnessTable>> = {
  火灾: { 烧伤专科医院: 0.8 },
  爆炸: { 烧伤专科医院: 0.8 },
  中毒窒息: { 职业病防治院: 0.8 },
  泄漏: { 职业病防治院: 0.7 },
}

const CHEMICAL_TYPES = new Set(['泄漏', '危化品运输'])
const CHEMICAL_IF_SUBSTANCE = new Set(['爆炸', '中毒窒息'])
const MINE_TYPES = new Set(['透水', '冒顶片帮', '瓦斯'])

export interface FitnessIncident {
  type: string
  substance?: string | null
  deaths: number
  seriousInjuries: number
  missing: number
}

/** Which table an incident's needs are read from, and its name for the reason text. */
export function fitnessTable(incident: FitnessIncident): { name: string; table: FitnessTable } {
  const hasSubstance = Boolean(incident.substance?.trim())
  if (
    CHEMICAL_TYPES.has(incident.type) ||
    (CHEMICAL_IF_SUBSTANCE.has(incident.type) && hasSubstance)
  )
    return { name: '危化品', table: CHEMICAL }
  if (MINE_TYPES.has(incident.type)) return { name: '矿山', table: MINE }
  if (incident.type === '火灾' || incident.type === '爆炸') return { name: '火灾', table: FIRE }
  if (incident.type === '坍塌') return { name: '坍塌', table: COLLAPSE }
  if (incident.type === '道路交通') return { name: '道路交通', table: ROAD }
  if (incident.type === '中毒窒息')
    return { name: '中毒窒息', table: { ...GENERAL, 医疗救护队: 0.7 } }
  return { name: '综合', table: GENERAL }
}

export interface FitnessResource {
  kind: string
  category: string
}

/** Fitness in [BASELINE_FITNESS, 1] and a one-line reason a commander can read. */
export function fitness(
  incident: FitnessIncident,
  resource: FitnessResource,
): { fitness: number; reason: string } {
  const { name, table } = fitnessTable(incident)
  let best = BASELINE_FITNESS
  let reason = `${resource.category}: 非${name}专业力量`
  const byType = table[resource.category]
  if (byType !== undefined && byType > best) {
    best = byType
    reason = `${resource.category}: ${name}事故${byType >= 0.9 ? '首选' : '适用'}`
  }
  const casualties = incident.deaths + incident.seriousInjuries + incident.missing
  if (casualties > 0) {
    const special = CASUALTY_SPECIAL[incident.type] ?? {}
    const medical = special[resource.category] ?? CASUALTY_FITNESS[resource.category]
    if (medical !== undefined && medical > best) {
      best = medical
      reason = `${resource.category}: 有${casualties}人伤亡或失踪，需医疗救治`
    }
  }
  return { fitness: best, reason }
}

const speedOf = (kind: string) =>
  (KIND_SPEED_KMH as Record<string, number | undefined>)[kind] ?? KIND_SPEED_KMH.warehouse

/** Estimated minutes to the scene from the straight-line distance. */
export function etaMinutes(distanceKm: number, kind: string): number {
  if (!Number.isFinite(distanceKm) || distanceKm < 0) {
    throw new RangeError(`distanceKm must be a finite number ≥ 0, got ${distanceKm}`)
  }
  return ((distanceKm * ROAD_DETOUR_FACTOR) / speedOf(kind)) * 60
}

export interface Candidate extends FitnessResource {
  id: string
  location: LngLat
}

export interface ScoredCandidate<C extends Candidate> {
  resource: C
  distanceKm: number
  etaMinutes: number
  fitness: number
  reason: string
  cost: number
}

/** Scores candidates against an incident and ranks them by cost, then distance, then id. */
export function rankCandidates<C extends Candidate>(
  incident: FitnessIncident & { location: LngLat },
  candidates: readonly C[],
): ScoredCandidate<C>[] {
  return candidates
    .map((resource) => {
      const distanceKm = greatCircleKm(incident.location, resource.location)
      const eta = etaMinutes(distanceKm, resource.kind)
      const fit = fitness(incident, resource)
      const cost = eta + (1 - fit.fitness) * FITNESS_PENALTY_MINUTES
      return { resource, distanceKm, etaMinutes: eta, ...fit, cost }
    })
    .sort(
      (a, b) =>
        a.cost - b.cost ||
        a.distanceKm - b.distanceKm ||
        (a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0),
    )
}
