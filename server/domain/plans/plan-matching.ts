import type { PlanKind, PlanLevel } from './plan-shape.ts'
import { planScopePrefix } from './plan-lifecycle.ts'

/** Why a plan applies to an incident, strongest first (the order is the rank). */
export const matchReasons = [
  'hazard_source',
  'enterprise',
  'substance',
  'incident_type',
  'county',
  'city',
  'province',
  'national',
] as const
export type MatchReason = (typeof matchReasons)[number]

export const matchReasonLabels: Record<MatchReason, string> = {
  hazard_source: '同一危险源',
  enterprise: '同一企业',
  substance: '同一危险物质',
  incident_type: '同类事件',
  county: '县级属地预案',
  city: '市级属地预案',
  province: '省级属地预案',
  national: '国家级预案',
}

export interface MatchableIncident {
  type: string
  regionCode: string
  enterpriseId: string | null
  hazardSourceId: string | null
  /** CAS numbers of the incident's substance (empty when unknown). */
  substanceCas: readonly string[]
}

export interface MatchablePlan {
  id: string
  level: PlanLevel
  kind: PlanKind
  regionCode: string
  incidentTypes: readonly string[]
  substances: readonly string[]
  enterpriseId: string | null
  hazardSourceIds: readonly string[]
}

export interface MatchedReason {
  code: MatchReason
  /** Chinese text for the reason; clients translate by `code`. */
  text: string
  /** What matched: the CAS, the incident type or the region code. */
  detail?: string
}

export interface PlanMatch<P extends MatchablePlan> {
  plan: P
  /** Index in matchReasons of the strongest reason: lower is better. */
  rank: number
  reasons: MatchedReason[]
}

const jurisdictionReason: Record<Exclude<PlanLevel, 'enterprise'>, MatchReason> = {
  county: 'county',
  city: 'city',
  province: 'province',
  national: 'national',
}

const reason = (code: MatchReason, detail?: string): MatchedReason => ({
  code,
  text: matchReasonLabels[code],
  ...(detail !== undefined ? { detail } : {}),
})

/** Every reason `plan` applies to `incident`, strongest first; [] when it does not apply. */
export function matchReasonsFor(plan: MatchablePlan, incident: MatchableIncident): MatchedReason[] {
  const out: MatchedReason[] = []
  const ownPlan = plan.enterpriseId !== null
  // An enterprise's plan applies to that enterprise only.
  if (ownPlan && plan.enterpriseId !== incident.enterpriseId) return []
  if (incident.hazardSourceId && plan.hazardSourceIds.includes(incident.hazardSourceId)) {
    out.push(reason('hazard_source', incident.hazardSourceId))
  }
  if (ownPlan) out.push(reason('enterprise', incident.enterpriseId ?? undefined))
  // The others need the incident inside the plan's jurisdiction.
  const covers = incident.regionCode.startsWith(planScopePrefix(plan.level, plan.regionCode))
  if (!covers) return out
  const typeCovered = plan.incidentTypes.length === 0 || plan.incidentTypes.includes(incident.type)
  const cas = incident.substanceCas.find((c) => plan.substances.includes(c))
  if (cas !== undefined) out.push(reason('substance', cas))
  if (plan.incidentTypes.includes(incident.type)) out.push(reason('incident_type', incident.type))
  if (plan.level !== 'enterprise' && typeCovered) {
    // A special plan that names other substances and none of the incident's is not for it.
    const substanceMismatch =
      plan.kind === 'special' && plan.substances.length > 0 && cas === undefined
    if (!substanceMismatch || out.length > 0) {
      out.push(reason(jurisdictionReason[plan.level], plan.regionCode))
    }
  }
  return out
}

const levelOrder: Record<PlanLevel, number> = {
  enterprise: 0,
  county: 1,
  city: 2,
  province: 3,
  national: 4,
}
const kindOrder: Record<PlanKind, number> = { onsite: 0, special: 1, comprehensive: 2 }

/**
 * The plans that apply to an incident, best first: same hazard source, same enterprise, same
 * substance, same incident type, then the jurisdiction chain upward (county → city → province
 * → national). Ties go to the nearer level, then the more specific kind, then the id.
 */
export function rankPlans<P extends MatchablePlan>(
  plans: readonly P[],
  incident: MatchableIncident,
): PlanMatch<P>[] {
  const matches: PlanMatch<P>[] = []
  for (const plan of plans) {
    const reasons = matchReasonsFor(plan, incident)
    if (reasons.length === 0) continue
    reasons.sort((a, b) => matchReasons.indexOf(a.code) - matchReasons.indexOf(b.code))
    matches.push({ plan, rank: matchReasons.indexOf(reasons[0]!.code), reasons })
  }
  return matches.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.reasons.length - a.reasons.length ||
      levelOrder[a.plan.level] - levelOrder[b.plan.level] ||
      kindOrder[a.plan.kind] - kindOrder[b.plan.kind] ||
      a.plan.id.localeCompare(b.plan.id),
  )
}
