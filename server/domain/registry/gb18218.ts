/**
 * GB 18218-2018 major hazard source identification (重大危险源辨识) and grading (分级).
 *
 *   S = Σ qᵢ / Qᵢ                 major hazard source (重大危险源) when S ≥ 1
 *   R = α · Σ βᵢ · qᵢ / Qᵢ         一级 R ≥ 100 · 二级 50 ≤ R < 100 · 三级 10 ≤ R < 50 · 四级 R < 10
 *
 * Per substance:
 * - Q: Table 1 when the substance is listed there (by name, alias, or unique CAS — see
 *   `gb18218-lookup.ts`); otherwise Table 2 by its hazard category (`matched: 'category'`).
 * - β: Table 3 when it is one of Table 3's toxic gases; otherwise Table 4 by category — the
 *   caller's category if given, else the Table 1 row's `table4Category`; if neither exists
 *   (三氧化硫), β = 1 with `betaSource: 'default'`.
 * - 一氧化碳 is in Table 3 but not Table 1: β 2 from Table 3, Q from Table 2 by the caller's
 *   category, defaulting to W2 (flammable gas, Q 10 t; see `gb18218-tables.ts`).
 * - A caller's category never changes a Table 1 Q, and never overrides a Table 3 β.
 * - A substance found nowhere and given no category raises `UnknownSubstanceError`.
 *
 * Floating point: S and R are rounded to 9 decimal places (1e-9) before they are compared with
 * the thresholds and returned, so a sum that is mathematically 1 (0.3 + 0.7, ten times 0.1)
 * counts as 1. The price is that a true value within 5e-10 below a threshold also counts as
 * reaching it, far below the precision of any quantity a unit reports.
 */
import { InvalidInputError, UnknownSubstanceError } from '../shared/errors'
import type { AssessInput, SubstanceInput } from './gb18218-schema'
import {
  alphaBands,
  gradeBands,
  hazardCategoryTable,
  MAJOR_HAZARD_MIN_S,
  type HazardCategory,
  type HazardGrade,
} from './gb18218-tables'
import {
  identifySubstance,
  matchCas,
  matchName,
  normaliseCas,
  type MatchedBy,
} from './gb18218-lookup'

export type BetaSource = 'table3' | 'table4' | 'default'

export interface AssessmentTerm {
  /** Position in the input list. */
  readonly index: number
  /** Name as the caller gave it. */
  readonly name: string
  /** Where Q came from: a Table 1 row, or the Table 2 category. */
  readonly matched: 'table1' | 'category'
  /** How the substance was recognised; 'category' when it was not recognised at all. */
  readonly matchedBy: MatchedBy | 'category'
  /** Name of the Table 1 row (or Table 3 entry) recognised, null when unrecognised. */
  readonly matchedName: string | null
  /** Table 1 row number (序号) when `matched` is 'table1'. */
  readonly table1Row: number | null
  /** Category that supplied Q (category match) or β (Table 4); null when neither used one. */
  readonly category: HazardCategory | null
  /** Threshold quantity, tonnes. */
  readonly Q: number
  /** Quantity present, tonnes. */
  readonly q: number
  /** q / Q, unrounded. */
  readonly ratio: number
  readonly beta: number
  readonly betaSource: BetaSource
  /** The caller's CAS differs from every CAS the recognised entry lists (name won). */
  readonly casConflict: boolean
}

export interface HazardSourceAssessment {
  readonly S: number
  readonly R: number
  readonly alpha: number
  readonly terms: readonly AssessmentTerm[]
  /** null when the unit is not a major hazard source. */
  readonly grade: HazardGrade | null
  readonly isMajor: boolean
}

/** Decimal places S and R are rounded to before comparison (see the file comment). */
export const RESULT_DECIMALS = 9
const SCALE = 10 ** RESULT_DECIMALS

export function roundResult(x: number): number {
  return Math.round(x * SCALE) / SCALE
}

/** Table 5 α for the number of people within 500 m; a whole number ≥ 0. */
export function alphaForPeople(people: number, field = 'peopleWithin500m'): number {
  if (!Number.isInteger(people) || people < 0) {
    throw new InvalidInputError(field, `${field} must be a whole number ≥ 0, got ${people}`)
  }
  const band = alphaBands.find((b) => people >= b.minPeople)
  // Unreachable: the last band starts at 0.
  if (!band) throw new InvalidInputError(field, `no α band for ${people}`)
  return band.alpha
}

/** Grade for an already-rounded R ≥ 0; a boundary value goes to the higher grade. */
export function gradeForR(R: number): HazardGrade {
  const band = gradeBands.find((b) => R >= b.minR)
  return band ? band.grade : '四级'
}

function isCategory(value: unknown): value is HazardCategory {
  return typeof value === 'string' && Object.hasOwn(hazardCategoryTable, value)
}

function assessTerm(s: SubstanceInput, index: number): AssessmentTerm {
  const at = `substances[${index}]`
  const q = s.quantityTonnes
  if (typeof q !== 'number' || !Number.isFinite(q) || q < 0) {
    throw new InvalidInputError(
      `${at}.quantityTonnes`,
      `${at}.quantityTonnes must be a finite number ≥ 0`,
    )
  }
  if (typeof s.name !== 'string' || s.name.trim() === '') {
    throw new InvalidInputError(`${at}.name`, `${at}.name is required`)
  }
  if (s.category !== undefined && !isCategory(s.category)) {
    throw new InvalidInputError(`${at}.category`, `${at}.category is not a GB 18218 category`)
  }
  const name = s.name.trim()
  const given = s.category
  const match = identifySubstance(name, s.cas)

  if (!match) {
    if (!given) throw new UnknownSubstanceError(index, name)
    const info = hazardCategoryTable[given]
    return {
      index,
      name,
      matched: 'category',
      matchedBy: 'category',
      matchedName: null,
      table1Row: null,
      category: given,
      Q: info.thresholdTonnes,
      q,
      ratio: q / info.thresholdTonnes,
      beta: info.beta,
      betaSource: 'table4',
      casConflict: false,
    }
  }

  const listed = matchCas(match)
  const casConflict =
    s.cas !== undefined &&
    match.by !== 'cas' &&
    listed.length > 0 &&
    !listed.includes(normaliseCas(s.cas))
  const common = { index, name, matchedBy: match.by, matchedName: matchName(match), q, casConflict }

  if (match.kind === 'table3') {
    // In Table 3 only (一氧化碳): Q from the category, β from Table 3.
    const category = given ?? match.gas.categoryIfNotInTable1
    if (!category) throw new UnknownSubstanceError(index, name)
    const Q = hazardCategoryTable[category].thresholdTonnes
    return {
      ...common,
      matched: 'category',
      table1Row: null,
      category,
      Q,
      ratio: q / Q,
      beta: match.gas.beta,
      betaSource: 'table3',
    }
  }

  const { row, toxicGas } = match
  const Q = row.thresholdTonnes
  const base = { ...common, matched: 'table1' as const, table1Row: row.row, Q, ratio: q / Q }
  if (toxicGas) return { ...base, category: null, beta: toxicGas.beta, betaSource: 'table3' }
  const category = given ?? row.table4Category
  if (category) {
    return { ...base, category, beta: hazardCategoryTable[category].beta, betaSource: 'table4' }
  }
  return { ...base, category: null, beta: 1, betaSource: 'default' }
}

export function assessHazardSource(input: AssessInput): HazardSourceAssessment {
  const alpha = alphaForPeople(input.peopleWithin500m)
  const terms = input.substances.map(assessTerm)
  let sumRatio = 0
  let sumWeighted = 0
  for (const t of terms) {
    sumRatio += t.ratio
    sumWeighted += t.beta * t.ratio
  }
  const S = roundResult(sumRatio)
  const R = roundResult(alpha * sumWeighted)
  const isMajor = S >= MAJOR_HAZARD_MIN_S
  return { S, R, alpha, terms, grade: isMajor ? gradeForR(R) : null, isMajor }
}
