/**
 * Reporting deadlines after a work-safety accident, Order 493 (生产安全事故报告和调查处理条例)
 * Articles 9–11 and 13.
 *
 * - Art. 9: people on site report to the unit's head at once; the head reports to the county-level
 *   (县级以上) safety supervision department within 1 hour.
 * - Art. 10: the report goes up level by level: 一般 to the city (设区的市), 较大 to the province,
 *   重大 and 特别重大 to the State Council's department (national).
 * - Art. 11: each level takes at most 2 hours to pass it up.
 * - Art. 13: casualty changes within 30 days of the accident are reported as supplements (补报);
 *   7 days for road-traffic and fire accidents.
 *
 * Interpretation (project's; say so in the UI):
 * - The 1 hour runs from occurrence: on-site reporting is "立即", so the time between the
 *   accident and the unit head learning of it is taken as zero.
 * - Without `reportedAt` every level is assumed to use its full allowance, so deadlines are
 *   county occurredAt + 1 h, city + 3 h, province + 5 h, national + 7 h.
 * - With `reportedAt` (when the county-level department actually received the unit's report),
 *   the 2-hour steps count from that moment instead: the city is due reportedAt + 2 h, and so on.
 *   Each level's 2 hours start when it receives the report, so an early county report tightens
 *   the chain and a late one does not make the city late. The county's own deadline stays
 *   occurredAt + 1 h so lateness remains visible.
 * - The same holds up the chain: when a level's obligation is marked done (it has been told),
 *   the next level is due 2 h from then, and the levels above follow from it.
 * - Skipping a level (越级上报, allowed "when necessary") does not change the deadlines.
 */
import { InvalidInputError } from '../shared/errors'
import type { AccidentGrade } from './accident-grade'

export const reportingLevels = ['county', 'city', 'province', 'national'] as const
export type ReportingLevel = (typeof reportingLevels)[number]

export const reportingLevelLabels: Readonly<Record<ReportingLevel, string>> = {
  county: '县级',
  city: '设区的市级',
  province: '省级',
  national: '国务院应急管理部门',
}

export interface ReportingObligation {
  readonly level: ReportingLevel
  readonly dueAt: Date
}

const HOUR_MS = 3_600_000
export const UNIT_TO_COUNTY_HOURS = 1
export const PER_LEVEL_HOURS = 2

/** Highest level an accident of this grade must reach (Art. 10). */
export const topReportingLevel: Readonly<Record<AccidentGrade, ReportingLevel>> = {
  特别重大: 'national',
  重大: 'national',
  较大: 'province',
  一般: 'city',
}

function checkDate(d: Date, field: string): number {
  const t = d instanceof Date ? d.getTime() : Number.NaN
  if (!Number.isFinite(t)) throw new InvalidInputError(field, `${field} must be a valid date`)
  return t
}

/** When each level actually received the report (its obligation marked done), if known. */
export type ReportReceipts = Partial<Record<ReportingLevel, Date>>

/**
 * The deadlines of the reporting chain. The county's is always occurredAt + 1 h. Each higher
 * level is due 2 h after the level below received the report (Art. 11), and while that receipt
 * is not known, 2 h after the level below was due. A `Date` as third argument is the county's
 * receipt (the `reportedAt` of the interpretation above).
 */
export function reportingObligations(
  grade: AccidentGrade,
  occurredAt: Date,
  received?: Date | ReportReceipts,
): ReportingObligation[] {
  const top = topReportingLevel[grade]
  if (top === undefined) {
    throw new InvalidInputError('grade', `unknown accident grade ${String(grade)}`)
  }
  const occurred = checkDate(occurredAt, 'occurredAt')
  const receipts: ReportReceipts =
    received instanceof Date ? { county: received } : (received ?? {})
  const receivedAt = (level: ReportingLevel): number | undefined => {
    const at = receipts[level]
    if (at === undefined) return undefined
    const field = received instanceof Date ? 'reportedAt' : `receivedAt.${level}`
    const t = checkDate(at, field)
    if (t < occurred) throw new InvalidInputError(field, `${field} must not be before occurredAt`)
    return t
  }
  const chain = reportingLevels.slice(0, reportingLevels.indexOf(top) + 1)
  const out: ReportingObligation[] = []
  let due = occurred + UNIT_TO_COUNTY_HOURS * HOUR_MS
  chain.forEach((level, i) => {
    if (i > 0) due = (receivedAt(chain[i - 1]!) ?? due) + PER_LEVEL_HOURS * HOUR_MS
    out.push({ level, dueAt: new Date(due) })
  })
  receivedAt(top) // a receipt at the top is validated too, though nothing follows it
  return out
}

/**
 * Incident types with the 7-day supplement window (Art. 13). Accepted spellings: the Chinese
 * names with or without 事故, and the codes `road_traffic` / `fire`; anything else gets 30 days.
 */
const SEVEN_DAY_TYPES = new Set([
  '道路交通',
  '道路交通事故',
  '火灾',
  '火灾事故',
  'road_traffic',
  'fire',
])

export function supplementWindowDays(incidentType: string): 7 | 30 {
  return SEVEN_DAY_TYPES.has(incidentType.trim().toLowerCase()) ? 7 : 30
}
