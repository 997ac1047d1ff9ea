/**
 * 应急演练评估: how each plan step of a drill went against its time target, and the drill's
 * score. Pure: the route supplies the minutes (from the activation checklist ticks or the
 * evaluation form) and stores what this returns.
 */

/** 桌面推演, 实战演练, 综合演练 */
export const drillKinds = ['tabletop', 'field', 'combined'] as const
export type DrillKind = (typeof drillKinds)[number]

/** 已计划 → 进行中 → 已结束 */
export const drillStatuses = ['scheduled', 'running', 'finished'] as const
export type DrillStatus = (typeof drillStatuses)[number]

/** 按时 · 超时 (within the grace) · 严重超时 · 未完成 */
export const stepVerdicts = ['on_time', 'late', 'far_late', 'missed'] as const
export type StepVerdict = (typeof stepVerdicts)[number]

/** The share of a step's points each verdict earns. */
export const verdictCredit: Record<StepVerdict, number> = {
  on_time: 1,
  late: 0.5,
  far_late: 0.2,
  missed: 0,
}

/** 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, 不合格 below. */
export const drillRatings = ['excellent', 'good', 'pass', 'fail'] as const
export type DrillRating = (typeof drillRatings)[number]

/**
 * How late a step may be and still count as 超时 rather than 严重超时: half its target, at
 * least 5 minutes (a 0-minute step such as 接报 gets 5).
 */
export const graceMinutes = (targetMinutes: number) => Math.max(5, Math.ceil(targetMinutes * 0.5))

export function stepVerdict(targetMinutes: number, actualMinutes: number | null): StepVerdict {
  if (actualMinutes === null) return 'missed'
  if (actualMinutes <= targetMinutes) return 'on_time'
  if (actualMinutes <= targetMinutes + graceMinutes(targetMinutes)) return 'late'
  return 'far_late'
}

export function drillRating(score: number): DrillRating {
  if (score >= 90) return 'excellent'
  if (score >= 75) return 'good'
  if (score >= 60) return 'pass'
  return 'fail'
}

export interface StepTiming {
  key: string
  title: string
  targetMinutes: number
  /** Minutes from the start of the drill until the step was done; null: never done. */
  actualMinutes: number | null
}

export interface StepResult extends StepTiming {
  verdict: StepVerdict
  /** actual − target, negative when early; null when not done. */
  deltaMinutes: number | null
}

export interface DrillScore {
  steps: StepResult[]
  /** 0–100, every step weighing the same; null when the plan has no steps to measure. */
  score: number | null
  rating: DrillRating | null
  counts: Record<StepVerdict, number>
}

export function evaluateDrill(timings: readonly StepTiming[]): DrillScore {
  const counts: Record<StepVerdict, number> = { on_time: 0, late: 0, far_late: 0, missed: 0 }
  const steps = timings.map((s): StepResult => {
    const verdict = stepVerdict(s.targetMinutes, s.actualMinutes)
    counts[verdict] += 1
    const deltaMinutes = s.actualMinutes === null ? null : s.actualMinutes - s.targetMinutes
    return { ...s, verdict, deltaMinutes }
  })
  if (steps.length === 0) return { steps, score: null, rating: null, counts }
  const credit = steps.reduce((sum, s) => sum + verdictCredit[s.verdict], 0)
  const score = Math.round((100 * credit) / steps.length)
  return { steps, score, rating: drillRating(score), counts }
}

/** Whole minutes from the drill's start to a moment (never negative). */
export const minutesSince = (startedAt: Date, at: Date) =>
  Math.max(0, Math.round((at.getTime() - startedAt.getTime()) / 60_000))
