import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { accidentGrade, accidentGradeRank } from '../../domain/incidents/accident-grade.ts'
import {
  reportingObligations,
  supplementWindowDays,
} from '../../domain/incidents/accident-reporting.ts'
import { canAdvanceIncident, incidentStatusLabels } from '../../domain/incidents/incident-status.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { HttpProblem, type FieldErrorCode } from '../../lib/problem.ts'
import {
  addObligations,
  reportReceipts,
  addTimeline,
  exerciseFlag,
  findIncidentRow,
  supplementUntil,
  type IncidentRow,
} from './incidents.queries.ts'
import type { IncidentDetail, IncidentUpdate } from './incidents.schemas.ts'

type IncidentStatus = IncidentDetail['status']

export const unprocessable = (field: string, message: string, code: FieldErrorCode) =>
  new HttpProblem(422, 'Unprocessable Content', `${field}: ${message}`, {
    errors: [{ field, code, message }],
  })

/** Casualty and loss figures: changing one is a 续报 and re-grades the incident. */
const figureFields = ['deaths', 'seriousInjuries', 'missing', 'directLossYuan'] as const
const textFields = [
  'address',
  'substance',
  'description',
  'reporterName',
  'reporterContact',
] as const

/**
 * Applies a follow-up report inside the caller's transaction (incident locked, version
 * checked): refuses figure changes after the Art. 13 window, re-grades, adds the obligations
 * of levels a higher grade reaches (never removing any), writes the timeline, audit and event.
 */
export async function applyUpdate(
  tx: Queryable,
  actor: Actor,
  before: IncidentRow,
  patch: IncidentUpdate,
): Promise<void> {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const field of [...figureFields, ...textFields]) {
    const to = patch[field]
    const from = before[field]
    if (to !== undefined && to !== from) changes[field] = { from, to }
  }
  const figuresChanged = figureFields.filter((f) => f in changes)
  if (figuresChanged.length > 0 && Date.now() > supplementUntil(before).getTime()) {
    const days = supplementWindowDays(before.type)
    throw unprocessable(
      figuresChanged[0]!,
      `casualty and loss figures can only be supplemented within ${days} days of the ` +
        `accident (Order 493 Art. 13); the window closed ${supplementUntil(before).toISOString()}`,
      'window_closed',
    )
  }
  const next = { ...before, ...patch }
  const grade = accidentGrade({
    deaths: next.deaths,
    seriousInjuries: next.seriousInjuries,
    directLossYuan: next.directLossYuan,
  })
  await tx.execute(sql`
    update incidents set address = ${next.address}, deaths = ${next.deaths},
      serious_injuries = ${next.seriousInjuries}, missing = ${next.missing},
      direct_loss_yuan = ${next.directLossYuan}, grade = ${grade},
      substance = ${next.substance ?? null}, description = ${next.description},
      reporter_name = ${next.reporterName}, reporter_contact = ${next.reporterContact},
      version = version + 1, updated_at = now(), updated_by = ${actor.id}
    where id = ${before.id}`)
  await addTimeline(tx, actor, before.id, 'update', {
    changes,
    supplement: figuresChanged.length > 0,
  })
  let addedLevels: string[] = []
  if (grade !== before.grade) {
    // An exercise owes no real agency a report, whatever its grade becomes.
    if (!before.exercise && accidentGradeRank(grade) < accidentGradeRank(before.grade)) {
      // New levels count from the receipts already recorded, like the pending ones do.
      const receipts = await reportReceipts(tx, before.id)
      const due = reportingObligations(grade, new Date(before.occurredAt), receipts)
      addedLevels = await addObligations(tx, before.id, grade, due)
    }
    await addTimeline(tx, actor, before.id, 'grade_change', {
      from: before.grade,
      to: grade,
      addedLevels,
    })
  }
  const after = await findIncidentRow(tx, before.id)
  await recordAudit(tx, actor, {
    entity: 'incident',
    entityId: before.id,
    action: 'update',
    regionCode: before.regionCode,
    before,
    after,
  })
  await publishEvent(tx, {
    type: 'incident.updated',
    regionCode: before.regionCode,
    entity: 'incident',
    entityId: before.id,
    payload: {
      grade,
      previousGrade: before.grade,
      changed: Object.keys(changes),
      addedLevels,
      ...exerciseFlag(before),
    },
  })
}

/**
 * One status step forward (接报 → 处置中 → 已控制 → 结案) inside the caller's transaction
 * (incident locked, version checked): refuses any other move, writes timeline, audit, event.
 */
export async function applyStatus(
  tx: Queryable,
  actor: Actor,
  before: IncidentRow,
  status: IncidentStatus,
): Promise<void> {
  if (!canAdvanceIncident(before.status, status)) {
    throw unprocessable(
      'status',
      `cannot go from ${incidentStatusLabels[before.status]} (${before.status}) to ` +
        `${incidentStatusLabels[status]} (${status}): one step forward only`,
      'bad_transition',
    )
  }
  await tx.execute(sql`update incidents set status = ${status}, version = version + 1,
    updated_at = now(), updated_by = ${actor.id} where id = ${before.id}`)
  await addTimeline(tx, actor, before.id, 'status', { from: before.status, to: status })
  const after = await findIncidentRow(tx, before.id)
  await recordAudit(tx, actor, {
    entity: 'incident',
    entityId: before.id,
    action: 'update',
    regionCode: before.regionCode,
    before,
    after,
  })
  await publishEvent(tx, {
    type: 'incident.updated',
    regionCode: before.regionCode,
    entity: 'incident',
    entityId: before.id,
    payload: { status, previousStatus: before.status, ...exerciseFlag(before) },
  })
}
