import type { Queryable } from '../../db/database.ts'
import { accidentGrade } from '../../domain/incidents/accident-grade.ts'
import {
  reportingObligations,
  type ReportingObligation,
} from '../../domain/incidents/accident-reporting.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { recordAudit } from '../../lib/audit.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { writableLocation } from '../../lib/registry/location.ts'
import { unprocessable } from './incidents.update.ts'
import {
  addObligations,
  addTimeline,
  exerciseFlag,
  findIncidentRow,
  findRef,
  insertIncident,
} from './incidents.queries.ts'
import type { IncidentCreate } from './incidents.schemas.ts'

export const obligationsJson = (list: ReportingObligation[]) =>
  list.map((o) => ({ level: o.level, dueAt: o.dueAt.toISOString() }))

/** A linked enterprise or hazard source must exist, be readable and not retired. */
async function assertUsableRef(
  tx: Queryable,
  actor: Actor,
  field: 'enterpriseId' | 'hazardSourceId',
  id: string,
) {
  const ref = await findRef(tx, field === 'enterpriseId' ? 'enterprises' : 'hazard_sources', id)
  if (!ref || !isWithinJurisdiction(actor.scopePrefix, ref.regionCode)) {
    throw unprocessable(field, 'no record with this id in your jurisdiction', 'not_in_jurisdiction')
  }
  if (ref.retired) throw unprocessable(field, 'this record has been retired', 'retired')
}

/**
 * 事故快报 inside the caller's transaction: the one path every incident is created by, the
 * reported ones and a drill's exercise. Grades it, sets the Order 493 deadlines (none for an
 * exercise: no real agency is owed a report), writes timeline, audit and event.
 */
export async function reportIncident(
  tx: Queryable,
  actor: Actor,
  input: IncidentCreate,
  { exercise = false }: { exercise?: boolean } = {},
): Promise<string> {
  const grade = accidentGrade(input)
  const located = await writableLocation(tx, actor, input.location)
  if (input.enterpriseId) await assertUsableRef(tx, actor, 'enterpriseId', input.enterpriseId)
  if (input.hazardSourceId) {
    await assertUsableRef(tx, actor, 'hazardSourceId', input.hazardSourceId)
  }
  const id = await insertIncident(tx, actor, { ...input, grade, exercise }, located.regionCode)
  const obligations = exercise ? [] : reportingObligations(grade, new Date(input.occurredAt))
  await addObligations(tx, id, grade, obligations)
  await addTimeline(tx, actor, id, 'report', {
    grade,
    deaths: input.deaths,
    seriousInjuries: input.seriousInjuries,
    missing: input.missing,
    directLossYuan: input.directLossYuan,
    obligations: obligationsJson(obligations),
    ...exerciseFlag({ exercise }),
  })
  const after = await findIncidentRow(tx, id)
  await recordAudit(tx, actor, {
    entity: 'incident',
    entityId: id,
    action: 'create',
    regionCode: located.regionCode,
    after,
  })
  await publishEvent(tx, {
    type: 'incident.created',
    regionCode: located.regionCode,
    entity: 'incident',
    entityId: id,
    payload: {
      type: input.type,
      grade,
      location: input.location,
      deaths: input.deaths,
      ...exerciseFlag({ exercise }),
    },
  })
  return id
}
