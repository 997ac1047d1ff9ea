/**
 * Accident grade (事故等级) under the State Council's 生产安全事故报告和调查处理条例
 * (Order 493, 2007), Article 3.
 *
 * Three criteria — deaths (死亡), serious injuries including acute industrial poisoning
 * (重伤, 包括急性工业中毒) and direct economic loss (直接经济损失) — are graded separately and the
 * accident takes the highest grade any of them reaches. The article's "以上" includes the number
 * and "以下" excludes it, so every band is [lower, upper):
 *
 *   特别重大  deaths ≥ 30   injuries ≥ 100   loss ≥ 1 亿 (100,000,000 CNY)
 *   重大      10–29         50–99            5,000万 ≤ loss < 1 亿
 *   较大      3–9           10–49            1,000万 ≤ loss < 5,000万
 *   一般      < 3           < 10             loss < 1,000万
 */
import { z } from 'zod'
import { InvalidInputError } from '../shared/errors'
import { MAX_LOSS_YUAN, personCount } from '../shared/bounds'

/** Most severe first. */
export const accidentGrades = ['特别重大', '重大', '较大', '一般'] as const
export const accidentGradeSchema = z.enum(accidentGrades)
export type AccidentGrade = z.infer<typeof accidentGradeSchema>

export const accidentGradeLabels: Readonly<
  Record<AccidentGrade, { readonly roman: 'I' | 'II' | 'III' | 'IV'; readonly en: string }>
> = {
  特别重大: { roman: 'I', en: 'extraordinarily serious' },
  重大: { roman: 'II', en: 'serious' },
  较大: { roman: 'III', en: 'relatively serious' },
  一般: { roman: 'IV', en: 'ordinary' },
}

export const accidentGradeInputSchema = z.object({
  deaths: personCount('deaths'),
  seriousInjuries: personCount('seriousInjuries'),
  /** Yuan (CNY); fractions (角, 分) allowed. */
  directLossYuan: z
    .number()
    .min(0, 'directLossYuan must be ≥ 0')
    .max(MAX_LOSS_YUAN, `directLossYuan must be at most ${MAX_LOSS_YUAN}`),
})
export type AccidentGradeInput = z.infer<typeof accidentGradeInputSchema>

export type AccidentCriterion = 'deaths' | 'seriousInjuries' | 'directLossYuan'

/**
 * Lower bounds (inclusive) of each grade above 一般, per criterion. 一般 is everything below
 * the 较大 bounds.
 */
export const accidentGradeThresholds: Readonly<
  Record<Exclude<AccidentGrade, '一般'>, Readonly<Record<AccidentCriterion, number>>>
> = {
  特别重大: { deaths: 30, seriousInjuries: 100, directLossYuan: 100_000_000 },
  重大: { deaths: 10, seriousInjuries: 50, directLossYuan: 50_000_000 },
  较大: { deaths: 3, seriousInjuries: 10, directLossYuan: 10_000_000 },
}

const criteria: readonly AccidentCriterion[] = ['deaths', 'seriousInjuries', 'directLossYuan']

function check(input: AccidentGradeInput): void {
  for (const c of criteria) {
    const v: unknown = input[c]
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      v >= 0 &&
      (c === 'directLossYuan' || Number.isInteger(v))
    if (!ok) {
      const what = c === 'directLossYuan' ? 'a finite number ≥ 0' : 'a whole number ≥ 0'
      throw new InvalidInputError(c, `${c} must be ${what}, got ${String(v)}`)
    }
  }
}

function gradeOf(criterion: AccidentCriterion, value: number): AccidentGrade {
  for (const grade of ['特别重大', '重大', '较大'] as const) {
    if (value >= accidentGradeThresholds[grade][criterion]) return grade
  }
  return '一般'
}

/** Severity rank, 0 = 特别重大 … 3 = 一般; lower is more severe. */
export function accidentGradeRank(grade: AccidentGrade): number {
  return accidentGrades.indexOf(grade)
}

/** The grade each criterion reaches on its own, and the overall (highest) grade. */
export function accidentGradeDetail(input: AccidentGradeInput): {
  readonly grade: AccidentGrade
  readonly byCriterion: Readonly<Record<AccidentCriterion, AccidentGrade>>
} {
  check(input)
  const byCriterion = {
    deaths: gradeOf('deaths', input.deaths),
    seriousInjuries: gradeOf('seriousInjuries', input.seriousInjuries),
    directLossYuan: gradeOf('directLossYuan', input.directLossYuan),
  }
  const ranks = Object.values(byCriterion).map(accidentGradeRank)
  const grade = accidentGrades[Math.min(...ranks)] ?? '一般'
  return { grade, byCriterion }
}

/** Order 493 Art. 3 grade: the highest reached by deaths, serious injuries or direct loss. */
export function accidentGrade(input: AccidentGradeInput): AccidentGrade {
  return accidentGradeDetail(input).grade
}
