import type { PlanLevel, PlanVersionStatus } from './plan-shape.ts'

/**
 * The version lifecycle of a plan: draft → 审批 approved → in force (现行) → superseded. A
 * draft may also be withdrawn to superseded (废止 before it ever applied). Only a draft's
 * content can be edited; every version is kept.
 */
const transitions: Record<PlanVersionStatus, readonly PlanVersionStatus[]> = {
  draft: ['approved', 'superseded'],
  approved: ['in_force', 'superseded'],
  in_force: ['superseded'],
  superseded: [],
}

export const planVersionTransitions = transitions

export function canMoveVersion(from: PlanVersionStatus, to: PlanVersionStatus): boolean {
  return transitions[from].includes(to)
}

export const isVersionEditable = (status: PlanVersionStatus) => status === 'draft'

export interface VersionState {
  id: string
  status: PlanVersionStatus
}

export interface StatusChange {
  id: string
  from: PlanVersionStatus
  to: PlanVersionStatus
}

/**
 * What putting `id` in force changes: that version becomes in force and the one in force
 * before it (at most one) is superseded, so a plan never has two in force. Throws when `id`
 * is not an approved version of these.
 */
export function putInForce(versions: readonly VersionState[], id: string): StatusChange[] {
  const target = versions.find((v) => v.id === id)
  if (!target) throw new Error(`no version ${id}`)
  if (!canMoveVersion(target.status, 'in_force')) {
    throw new Error(`cannot put a ${target.status} version in force`)
  }
  const previous = versions.filter((v) => v.status === 'in_force' && v.id !== id)
  return [
    ...previous.map((v) => ({ id: v.id, from: v.status, to: 'superseded' as const })),
    { id, from: target.status, to: 'in_force' },
  ]
}

/** Plans are reviewed (评估) at least every 3 years (《生产安全事故应急预案管理办法》 Art. 35). */
export const REVIEW_CYCLE_YEARS = 3

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Review due date: the in-force date plus the cycle, as a calendar date (YYYY-MM-DD). A
 * 29 February start falls due on 28 February when the target year has no leap day.
 */
export function reviewDueDate(inForceFrom: string, years = REVIEW_CYCLE_YEARS): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(inForceFrom)
  if (!m) throw new Error(`not a date: ${inForceFrom}`)
  const year = Number(m[1]) + years
  const month = Number(m[2])
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = Math.min(Number(m[3]), lastDay)
  return `${year}-${pad(month)}-${pad(day)}`
}

/** The calendar date (YYYY-MM-DD) of an instant in China Standard Time (UTC+8, no DST). */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** Overdue once the due date has passed: on the due date itself the review is still on time. */
export function isReviewOverdue(reviewDue: string | null, today: string): boolean {
  return reviewDue !== null && today > reviewDue
}

/** How many leading digits of a plan's region code its jurisdiction covers. */
const levelPrefix: Record<PlanLevel, number> = {
  national: 0,
  province: 2,
  city: 4,
  county: 6,
  enterprise: 6,
}

/** The jurisdiction prefix a plan applies to (国家 '' covers all, 省 '61', 市 '6101' …). */
export function planScopePrefix(level: PlanLevel, regionCode: string): string {
  return regionCode.slice(0, levelPrefix[level])
}
