import type { Industry } from '../../server/db/schema/enterprises.ts'
import {
  assessHazardSource,
  type HazardSourceAssessment,
} from '../../server/domain/registry/gb18218.ts'
import { table1Substances } from '../../server/domain/registry/gb18218-substances.ts'
import type { HazardCategory, HazardGrade } from '../../server/domain/registry/gb18218-tables.ts'
import {
  gradeAims,
  gradeTargets,
  hazardTemplates,
  industryProfiles,
  type GradeTarget,
  type HazardTemplate,
  type UnitKind,
} from './catalog.ts'
import { addDays, daysBetween, groupBy, jitter, officeTime } from './place.ts'
import type { PlannedEnterprise } from './plan-enterprises.ts'
import { WeightedTable, type Rng } from './random.ts'

export const HAZARD_SOURCES_AT_SCALE_1 = 600

/** A substance as stored and as given to the assessment (StoredSubstance with a typed category). */
export interface DemoSubstance {
  name: string
  cas?: string
  category?: HazardCategory
  quantityTonnes: number
}

export interface PlannedHazardSource {
  id: string
  enterpriseId: string
  name: string
  unitKind: UnitKind
  /** Offset from the enterprise's stored location, degrees. */
  dLng: number
  dLat: number
  substances: DemoSubstance[]
  peopleWithin500m: number
  s: number
  r: number
  alpha: number
  grade: HazardGrade | null
  isMajor: boolean
  /** What assessHazardSource returned, stored as the unit's assessment. */
  assessment: HazardSourceAssessment
  createdAt: string
}

const casOf = new Map<number, string>(
  table1Substances.filter((s) => s.cas.length > 0).map((s) => [s.row, s.cas[0] as string]),
)

/** Table 5 bands are 0, 1–29, 30–49, 50–99, ≥ 100 people. */
function drawPeople(rng: Rng): number {
  const x = rng.next()
  if (x < 0.08) return 0
  if (x < 0.3) return rng.int(1, 29)
  if (x < 0.45) return rng.int(30, 49)
  if (x < 0.65) return rng.int(50, 99)
  return Math.round(rng.logRange(100, 3000))
}

/** Tonnes to a sensible precision: whole tonnes from 100, 0.1 t from 1, else 0.001 t. */
function roundTonnes(q: number): number {
  if (q >= 100) return Math.round(q)
  if (q >= 1) return Math.round(q * 10) / 10
  return Math.max(0.001, Math.round(q * 1000) / 1000)
}

const gradeOf = (a: HazardSourceAssessment): GradeTarget => a.grade ?? 'none'

interface Design {
  template: HazardTemplate
  substances: DemoSubstance[]
  people: number
  assessment: HazardSourceAssessment
}

/**
 * Quantities and exposed people for a unit of one of the templates, aimed at a grade: scale
 * the template's mix so R (or S, below the threshold) lands inside the band, round, and let
 * the domain function decide. After 30 misses any plausible outcome is taken as it comes.
 */
function designUnit(rng: Rng, templates: WeightedTable<HazardTemplate>, goal: GradeTarget): Design {
  for (let attempt = 0; ; attempt++) {
    const template = templates.draw(rng)
    const people = drawPeople(rng)
    const unit = template.substances.map((s): DemoSubstance => ({
      name: s.name,
      ...(s.category ? { category: s.category } : {}),
      quantityTonnes: s.share,
    }))
    const perTonne = assessHazardSource({ substances: unit, peopleWithin500m: people })
    const [low, high] = gradeAims[goal]
    let total: number
    if (goal === 'none') {
      total = rng.range(low, high) / perTonne.S
    } else {
      const floor = Math.max(low, (perTonne.R / perTonne.S) * 1.05)
      if (floor >= high && attempt < 30) continue
      total = rng.logRange(floor, Math.max(floor, high) * 1.0001) / perTonne.R
    }
    if (total > template.maxTonnes && attempt < 30) continue
    const substances = unit.map((s) => ({
      ...s,
      quantityTonnes: roundTonnes(s.quantityTonnes * Math.min(total, template.maxTonnes)),
    }))
    const assessment = assessHazardSource({ substances, peopleWithin500m: people })
    if (gradeOf(assessment) !== goal && attempt < 30) continue
    const stored = substances.map((s, i) => {
      const row = assessment.terms[i]?.table1Row
      const cas = row ? casOf.get(row) : undefined
      // Key order name, cas, category, quantity: the stored JSON reads like an API request.
      return cas
        ? {
            name: s.name,
            cas,
            ...(s.category ? { category: s.category } : {}),
            quantityTonnes: s.quantityTonnes,
          }
        : s
    })
    return { template, substances: stored, people, assessment }
  }
}

/**
 * Hazard units at the enterprises: mostly hazardous-chemical firms, some at steelworks (gas
 * holders, liquid oxygen), fuel depots, mines' explosive stores and fireworks warehouses.
 */
export function planHazardSources(
  rng: Rng,
  enterprises: readonly PlannedEnterprise[],
  scale: number,
  referenceDate: string,
): PlannedHazardSource[] {
  const byIndustry = groupBy(enterprises, (e) => e.industry)
  const industryTable = new WeightedTable(
    Object.entries(industryProfiles)
      .filter(([industry]) => (byIndustry.get(industry as Industry)?.length ?? 0) > 0)
      .map(([industry, p]) => [industry as Industry, p.hazardShare] as const),
  )
  const templateTables = new Map<Industry, WeightedTable<HazardTemplate>>()
  for (const [industry, templates] of Object.entries(hazardTemplates)) {
    templateTables.set(
      industry as Industry,
      new WeightedTable(templates.map((t) => [t, t.weight] as const)),
    )
  }
  const goals = new WeightedTable(gradeTargets.map(([g, share]) => [g, share] as const))
  const unitsAt = new Map<string, number>()
  const rows: PlannedHazardSource[] = []
  const count = Math.round(HAZARD_SOURCES_AT_SCALE_1 * scale)
  for (let i = 0; i < count; i++) {
    const industry = industryTable.draw(rng)
    const enterprise = rng.pick(byIndustry.get(industry) ?? [])
    const templates = templateTables.get(industry)
    if (!templates) throw new Error(`no hazard templates for ${industry}`)
    const { template, substances, people, assessment } = designUnit(rng, templates, goals.draw(rng))
    const n = (unitsAt.get(enterprise.id) ?? 0) + 1
    unitsAt.set(enterprise.id, n)
    const [dLng, dLat] = jitter(rng, 250, enterprise.lat)
    const age = daysBetween(enterprise.createdAt.slice(0, 10), referenceDate)
    rows.push({
      id: rng.uuid(),
      enterpriseId: enterprise.id,
      name: `${n}号${template.label}`,
      unitKind: template.unitKind,
      dLng,
      dLat,
      substances,
      peopleWithin500m: people,
      s: assessment.S,
      r: assessment.R,
      alpha: assessment.alpha,
      grade: assessment.grade,
      isMajor: assessment.isMajor,
      assessment: { ...assessment, terms: [...assessment.terms] },
      createdAt: officeTime(rng, addDays(referenceDate, -rng.int(1, Math.max(1, age - 1)))),
    })
  }
  return rows
}
