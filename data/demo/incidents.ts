/**
 * Writes the demo incidents (incident-fixtures.ts) and duty roster (duty-roster.ts), so the
 * command screen does not start empty.
 *
 * A small fixed set of 陕西 incidents placed at demo enterprises (picked by industry and city
 * in id order, so the same plan picks the same ones) or at a fixed point. Times count back from
 * the seed time, so reporting deadlines are meaningful when the demo opens: one county report
 * is still due, one is overdue, the rest are done at realistic moments. The grade is never
 * written here: it is `accidentGrade` of the figures, and the obligations are
 * `reportingObligations` of that grade, re-based on the receipts like the API does. Rows are
 * system-written (created_by null); timeline entries name the demo account of the agency that
 * would have done the step.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import { accidentGrade, type AccidentGrade } from '../../server/domain/incidents/accident-grade.ts'
import {
  reportingObligations,
  type ReportingLevel,
  type ReportReceipts,
} from '../../server/domain/incidents/accident-reporting.ts'
import { etaMinutes } from '../../server/domain/dispatch/dispatch-eta.ts'
import { greatCircleKm } from '../../server/domain/geo/geo.ts'
import type { IncidentStatus } from '../../server/domain/incidents/incident-status.ts'
import { locate, pointSql, type LngLat } from '../../server/lib/registry/location.ts'
import {
  addObligations,
  rebasePendingObligations,
} from '../../server/routes/incidents/incidents.queries.ts'
import { writeDemoRoster } from './duty-roster.ts'
import {
  demoIncidents,
  type DemoDispatch,
  type DemoIncident,
  type Place,
} from './incident-fixtures.ts'

const MINUTE = 60_000

/** The demo account that acts for the agency over a county (the most local one). */
function actorFor(regionCode: string): string {
  if (regionCode === '610113') return 'yanta'
  if (regionCode === '610802') return 'yuyang'
  if (regionCode.startsWith('6101')) return 'xian'
  if (regionCode.startsWith('6108')) return 'yulin'
  return 'shaanxi'
}

interface Site {
  location: LngLat
  enterpriseId: string | null
  hazardSourceId: string | null
  siteName: string
}

/** `used`: enterprises that already have a demo incident; each gets at most one. */
async function siteOf(db: Queryable, place: Place, used: string[]): Promise<Site> {
  if ('point' in place) {
    return { location: place.point, enterpriseId: null, hazardSourceId: null, siteName: '' }
  }
  const others = sql`not (e.id = any(${`{${used.join(',')}}`}::uuid[]))`
  const r = place.substance
    ? await db.execute(sql`select e.id, e.name, h.id as "hazardSourceId",
          ST_X(h.location) as lng, ST_Y(h.location) as lat
        from hazard_sources h join enterprises e on e.id = h.enterprise_id
        where e.industry = ${place.industry} and e.region_code like '61%'
          and h.substances::text like ${`%"${place.substance}"%`} and h.retired_at is null
          and ${others}
        order by e.region_code like ${`${place.cityPrefix}%`} desc, e.id, h.id limit 1`)
    : await db.execute(sql`select e.id, e.name, null as "hazardSourceId",
          ST_X(e.location) as lng, ST_Y(e.location) as lat
        from enterprises e
        where e.industry = ${place.industry} and e.region_code like '61%' and e.retired_at is null
          and ${others}
        order by e.region_code like ${`${place.cityPrefix}%`} desc, e.id limit 1`)
  const row = r.rows[0] as
    | { id: string; name: string; hazardSourceId: string | null; lng: number; lat: number }
    | undefined
  if (!row)
    throw new Error(`demo incidents: no ${place.industry} enterprise in ${place.cityPrefix}`)
  // A little off the enterprise's (or unit's) own point, so a click there still opens it.
  const [dLng, dLat] = place.offset ?? [0.0012, -0.0009]
  return {
    location: [Number(row.lng) + dLng, Number(row.lat) + dLat],
    enterpriseId: row.id,
    hazardSourceId: row.hazardSourceId,
    siteName: row.name,
  }
}

interface Timeline {
  at: Date
  kind: string
  data: Record<string, unknown>
}

const obligationsJson = (grade: AccidentGrade, occurredAt: Date) =>
  reportingObligations(grade, occurredAt).map((o) => ({
    level: o.level,
    dueAt: o.dueAt.toISOString(),
  }))

async function dispatchResources(
  tx: Queryable,
  incidentId: string,
  location: LngLat,
  occurredAt: Date,
  dispatches: DemoDispatch[],
): Promise<Timeline[]> {
  const timeline: Timeline[] = []
  const at = (minute: number | undefined) =>
    minute === undefined ? null : new Date(occurredAt.getTime() + minute * MINUTE).toISOString()
  for (const d of dispatches) {
    // The nearest resource of the category still available: what the dispatch panel proposes.
    const r = await tx.execute(sql`select id, name, kind, category, ST_X(location) as lng,
        ST_Y(location) as lat from resources
      where category = ${d.category} and status = 'available' and retired_at is null
        and region_code like '61%'
      order by location <-> ${pointSql(location)}, id limit 1`)
    const res = r.rows[0] as
      | { id: string; name: string; kind: string; category: string; lng: number; lat: number }
      | undefined
    if (!res) throw new Error(`demo incidents: no available ${d.category}`)
    const eta = Math.round(
      etaMinutes(greatCircleKm(location, [Number(res.lng), Number(res.lat)]), res.kind),
    )
    const steps = (['dispatched', 'en_route', 'on_scene', 'withdrawn'] as const).filter(
      (s) => d.steps[s] !== undefined,
    )
    const status = steps[steps.length - 1] ?? 'dispatched'
    const inserted = await tx.execute(sql`insert into dispatches (incident_id, resource_id,
        status, note, eta_minutes, dispatched_at, en_route_at, on_scene_at, withdrawn_at)
      values (${incidentId}, ${res.id}, ${status}, '', ${eta}, ${at(d.steps.dispatched ?? 0)},
        ${at(d.steps.en_route)}, ${at(d.steps.on_scene)}, ${at(d.steps.withdrawn)})
      returning id`)
    const dispatchId = (inserted.rows[0] as { id: string }).id
    // The status only: the resource row stays as the generator wrote it (version, updated_*).
    if (status !== 'withdrawn') {
      await tx.execute(sql`update resources set status = 'dispatched' where id = ${res.id}`)
    }
    timeline.push({
      at: new Date(at(d.steps.dispatched ?? 0)!),
      kind: 'dispatch',
      data: {
        note: '',
        dispatches: [
          {
            dispatchId,
            resourceId: res.id,
            name: res.name,
            category: res.category,
            etaMinutes: eta,
          },
        ],
      },
    })
    for (let i = 1; i < steps.length; i++) {
      timeline.push({
        at: new Date(at(d.steps[steps[i]!])!),
        kind: 'dispatch_status',
        data: { dispatchId, resourceId: res.id, from: steps[i - 1], to: steps[i] },
      })
    }
  }
  return timeline
}

async function writeIncident(
  tx: Queryable,
  spec: DemoIncident,
  now: Date,
  used: string[],
): Promise<void> {
  const occurredAt = new Date(now.getTime() - spec.occurredMinutesAgo * MINUTE)
  const minute = (m: number) => new Date(occurredAt.getTime() + m * MINUTE)
  const site = await siteOf(tx, spec.place, used)
  if (site.enterpriseId) used.push(site.enterpriseId)
  const located = await locate(tx, site.location)
  if (!located) throw new Error(`demo incident ${spec.key} is outside every region`)
  const grade = accidentGrade(spec.figures)
  const first = spec.firstReport?.figures ?? spec.figures
  const firstGrade = accidentGrade(first)
  const reportedAt = minute(Math.min(8, spec.occurredMinutesAgo / 2))
  const lastStatus = (['responding', 'controlled', 'closed'] as const).filter(
    (s) => spec.statusSteps[s] !== undefined,
  )
  const status: IncidentStatus = lastStatus[lastStatus.length - 1] ?? 'reported'
  const address = site.siteName ? `${site.siteName} ${spec.address}` : spec.address
  const f = spec.figures
  const r = await tx.execute(sql`
    insert into incidents (type, occurred_at, reported_at, location, address, enterprise_id,
      hazard_source_id, deaths, serious_injuries, missing, direct_loss_yuan, grade, substance,
      description, reporter_name, reporter_contact, status, region_code, version, created_at,
      updated_at)
    values (${spec.type}, ${occurredAt.toISOString()}, ${reportedAt.toISOString()},
      ${pointSql(site.location)}, ${address}, ${site.enterpriseId}, ${site.hazardSourceId},
      ${f.deaths}, ${f.seriousInjuries}, ${f.missing}, ${f.directLossYuan}, ${grade},
      ${spec.substance ?? null}, ${spec.description}, ${spec.reporterName},
      ${spec.reporterContact}, ${status}, ${located.regionCode},
      ${1 + lastStatus.length + (spec.firstReport ? 1 : 0)}, ${reportedAt.toISOString()},
      ${now.toISOString()})
    returning id`)
  const id = (r.rows[0] as { id: string }).id

  // Obligations as the API makes them: the first report's chain, then the levels a higher grade of the 续报 adds (as the API does).
  await addObligations(tx, id, firstGrade, reportingObligations(firstGrade, occurredAt))
  await addObligations(tx, id, grade, reportingObligations(grade, occurredAt))
  const timeline: Timeline[] = [
    {
      at: reportedAt,
      kind: 'report',
      data: { grade: firstGrade, ...first, obligations: obligationsJson(firstGrade, occurredAt) },
    },
  ]
  const receipts: ReportReceipts = {}
  const username = actorFor(located.regionCode)
  for (const [level, m] of Object.entries(spec.told) as [ReportingLevel, number][]) {
    receipts[level] = minute(m)
    const due = reportingObligations(grade, occurredAt, { ...receipts, [level]: undefined })
    const late =
      (due.find((o) => o.level === level)?.dueAt.getTime() ?? Infinity) < minute(m).getTime()
    await tx.execute(sql`update reporting_obligations set done_at = ${minute(m).toISOString()},
        done_by = ${username} where incident_id = ${id} and level = ${level}`)
    await rebasePendingObligations(tx, id, occurredAt.toISOString())
    timeline.push({ at: minute(m), kind: 'obligation_done', data: { level, late } })
  }

  if (spec.firstReport) {
    const changes: Record<string, { from: number; to: number }> = {}
    for (const k of ['deaths', 'seriousInjuries', 'missing', 'directLossYuan'] as const) {
      if (first[k] !== f[k]) changes[k] = { from: first[k], to: f[k] }
    }
    const at = minute(spec.firstReport.atMinute)
    timeline.push({ at, kind: 'update', data: { changes, supplement: true } })
    if (grade !== firstGrade) {
      const added = reportingObligations(grade, occurredAt)
        .map((o) => o.level)
        .filter((l) => !reportingObligations(firstGrade, occurredAt).some((o) => o.level === l))
      timeline.push({
        at,
        kind: 'grade_change',
        data: { from: firstGrade, to: grade, addedLevels: added },
      })
    }
  }
  let from: IncidentStatus = 'reported'
  for (const to of lastStatus) {
    timeline.push({ at: minute(spec.statusSteps[to]!), kind: 'status', data: { from, to } })
    from = to
  }
  for (const n of spec.notes) {
    timeline.push({ at: minute(n.atMinute), kind: 'note', data: { text: n.text } })
  }
  timeline.push(...(await dispatchResources(tx, id, site.location, occurredAt, spec.dispatches)))

  timeline.sort((a, b) => a.at.getTime() - b.at.getTime())
  for (const e of timeline) {
    await tx.execute(sql`insert into incident_events (incident_id, at, kind, user_id, username,
        data)
      values (${id}, ${e.at.toISOString()}, ${e.kind},
        (select id from users where username = ${username}), ${username},
        ${JSON.stringify(e.data)}::jsonb)`)
  }
}

export interface DemoIncidentsResult {
  incidents: number
  shifts: number
}

/**
 * Writes the demo incidents and roster; needs the demo registry and accounts in place.
 * `now` is the seed time, passed in: the generator itself never reads the clock.
 */
export async function seedDemoIncidents(
  tx: Queryable,
  options: { now: Date; log?: (line: string) => void },
): Promise<DemoIncidentsResult> {
  const { now } = options
  const used: string[] = []
  for (const spec of demoIncidents) await writeIncident(tx, spec, now, used)
  const shifts = await writeDemoRoster(tx, now)
  options.log?.(`demo incidents: ${demoIncidents.length}, duty shifts: ${shifts}`)
  return { incidents: demoIncidents.length, shifts }
}
