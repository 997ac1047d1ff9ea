import { sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import type { BurstResult, HazardTarget } from './burst.ts'

export interface Findings {
  /** Incidents of this run found in the database (acknowledged or not). */
  storedIncidents: number
  /** Acknowledged incidents that are missing: must be empty. */
  lostIncidents: string[]
  /** Incidents of this run lacking (or with extra) audit, event, timeline or obligations. */
  halfIncidents: {
    id: string
    audits: number
    events: number
    timeline: number
    obligations: number
  }[]
  /** Audit or event rows about an incident that does not exist. */
  orphans: { audits: number; events: number }
  /** Hazard sources stored below the version the client was told. */
  lostPatches: { id: string; acked: number; stored: number }[]
  /** Hazard sources whose versions since the start do not each have one audit and one event. */
  halfPatches: { id: string; from: number; stored: number; audits: number; events: number }[]
  /** Committed but unacknowledged writes (allowed: the answer was lost in the kill). */
  unacknowledged: { incidents: number; patches: number }
}

const n = (v: unknown) => Number(v)

/**
 * What SIGKILL must not break, read straight from the database after the restart: every
 * acknowledged write is there, and every write that is there is whole (each of its rows
 * committed together), whether or not its answer reached the client.
 */
export async function verifyBurst(
  database: Database,
  marker: string,
  burst: BurstResult,
  hazards: HazardTarget[],
): Promise<Findings> {
  const db = database.db
  const rows = (
    await db.execute(sql`
      select i.id::text as id,
        (select count(*) from audit_log a
          where a.entity = 'incident' and a.entity_id = i.id::text and a.action = 'create') as audits,
        (select count(*) from events e
          where e.entity = 'incident' and e.entity_id = i.id::text and e.type = 'incident.created') as events,
        (select count(*) from incident_events t where t.incident_id = i.id and t.kind = 'report') as timeline,
        (select count(*) from reporting_obligations o where o.incident_id = i.id) as obligations
      from incidents i where i.reporter_name = ${marker}`)
  ).rows as Record<string, unknown>[]
  const stored = new Set(rows.map((r) => String(r.id)))
  const halfIncidents = rows
    .map((r) => ({
      id: String(r.id),
      audits: n(r.audits),
      events: n(r.events),
      timeline: n(r.timeline),
      obligations: n(r.obligations),
    }))
    .filter(
      (r) =>
        r.audits !== 1 ||
        r.events !== 1 ||
        r.timeline !== 1 ||
        r.obligations !== burst.obligationsPerIncident,
    )

  const orphanRow = (
    await db.execute(sql`
      select
        (select count(*) from audit_log a where a.entity = 'incident'
          and not exists (select 1 from incidents i where i.id::text = a.entity_id)) as audits,
        (select count(*) from events e where e.entity = 'incident'
          and not exists (select 1 from incidents i where i.id::text = e.entity_id)) as events`)
  ).rows[0] as Record<string, unknown>

  const lostPatches: Findings['lostPatches'] = []
  const halfPatches: Findings['halfPatches'] = []
  let unackedPatches = 0
  for (const h of hazards) {
    const r = (
      await db.execute(sql`
        select hs.version,
          (select count(*) from audit_log a where a.entity = 'hazard_source'
            and a.entity_id = hs.id::text and a.action = 'update'
            and (a.after->>'version')::int > ${h.version}) as audits,
          (select count(*) from events e where e.entity = 'hazard_source'
            and e.entity_id = hs.id::text and e.type = 'registry.changed'
            and (e.payload->>'version')::int > ${h.version}) as events
        from hazard_sources hs where hs.id = ${h.id}`)
    ).rows[0] as Record<string, unknown>
    const storedVersion = n(r.version)
    const acked = burst.patched.get(h.id) ?? h.version
    if (storedVersion < acked) lostPatches.push({ id: h.id, acked, stored: storedVersion })
    const changes = storedVersion - h.version
    if (n(r.audits) !== changes || n(r.events) !== changes) {
      halfPatches.push({
        id: h.id,
        from: h.version,
        stored: storedVersion,
        audits: n(r.audits),
        events: n(r.events),
      })
    }
    unackedPatches += Math.max(0, storedVersion - acked)
  }

  return {
    storedIncidents: stored.size,
    lostIncidents: burst.incidents.filter((id) => !stored.has(id)),
    halfIncidents,
    orphans: { audits: n(orphanRow.audits), events: n(orphanRow.events) },
    lostPatches,
    halfPatches,
    unacknowledged: { incidents: stored.size - burst.incidents.length, patches: unackedPatches },
  }
}
