import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { pointSql, type LngLat } from '../../lib/registry/location.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { inScope } from '../../lib/registry/scope.ts'
import type { DispatchDetail } from './dispatches.schemas.ts'

/** How many nearest resources the KNN step hands to the scorer. */
export const KNN_CANDIDATES = 200

export interface CandidateRow {
  id: string
  name: string
  kind: string
  category: string
  regionCode: string
  location: [number, number]
}

/**
 * The K nearest available, non-retired, dispatchable resources in the actor's jurisdiction:
 * `order by location <-> point` walks the GiST index (KNN) instead of sorting the table.
 * Shelters are places people go to, not units sent out, so they are left out.
 */
export function candidatesSql(actor: Actor, at: LngLat, k = KNN_CANDIDATES): SQL {
  return sql`select id, name, kind, category, region_code as "regionCode",
      ST_X(location) as lng, ST_Y(location) as lat
    from resources
    where status = 'available' and retired_at is null and kind <> 'shelter' and ${inScope(actor)}
    order by location <-> ${pointSql(at)}
    limit ${k}`
}

/** What ranking needs of an incident, and where it is. */
export interface IncidentForRanking {
  type: string
  substance: string | null
  deaths: number
  seriousInjuries: number
  missing: number
  regionCode: string
  location: LngLat
}

/**
 * The incident and its KNN candidates in one round trip (#19: the API had sent the incident
 * lookup and the KNN as two): the incident's point is read inside the KNN statement, and the
 * candidates come back as one JSON array. Null when there is no such incident; the
 * candidates are not searched (null) when the incident is outside the actor's jurisdiction.
 */
export async function incidentWithCandidates(
  db: Queryable,
  actor: Actor,
  id: string,
  k = KNN_CANDIDATES,
): Promise<{ incident: IncidentForRanking; candidates: CandidateRow[] | null } | null> {
  const r = await db.execute(sql`
    with i as (select type, substance, deaths, serious_injuries, missing, region_code, location
               from incidents where id = ${id})
    select i.type, i.substance, i.deaths, i.serious_injuries as "seriousInjuries", i.missing,
      i.region_code as "regionCode", ST_X(i.location) as lng, ST_Y(i.location) as lat,
      case when ${inScope(actor, sql`i.region_code`)} then coalesce((
        select json_agg(json_build_array(c.id, c.name, c.kind, c.category, c.region_code,
                                         ST_X(c.location), ST_Y(c.location)))
        from (select id, name, kind, category, region_code, location
              from resources
              where status = 'available' and retired_at is null and kind <> 'shelter'
                and ${inScope(actor)}
              order by location <-> i.location
              limit ${k}) c), '[]'::json) end as candidates
    from i`)
  const row = r.rows[0] as
    | (Omit<IncidentForRanking, 'location'> & {
        lng: number
        lat: number
        candidates: CandidateTuple[] | string | null
      })
    | undefined
  if (!row) return null
  const { lng, lat, candidates, ...incident } = row
  const tuples =
    typeof candidates === 'string' ? (JSON.parse(candidates) as CandidateTuple[]) : candidates
  return {
    incident: {
      ...incident,
      deaths: Number(incident.deaths),
      seriousInjuries: Number(incident.seriousInjuries),
      missing: Number(incident.missing),
      location: [Number(lng), Number(lat)],
    },
    candidates:
      tuples?.map(([id, name, kind, category, regionCode, x, y]) => ({
        id,
        name,
        kind,
        category,
        regionCode,
        location: [Number(x), Number(y)],
      })) ?? null,
  }
}

/** A candidate as the KNN statement's JSON carries it: positional, no repeated keys. */
type CandidateTuple = [string, string, string, string, string, number, number]

export interface ResourceForDispatch {
  id: string
  kind: string
  name: string
  category: string
  status: string
  retired: boolean
  regionCode: string
  lng: number
  lat: number
}

/** Locks the resources in id order (so two requests never wait on each other in a cycle). */
export async function lockResources(tx: Queryable, ids: string[]) {
  const r = await tx.execute(sql`
    select id, kind, name, category, status, retired_at is not null as retired,
      region_code as "regionCode", ST_X(location) as lng, ST_Y(location) as lat
    from resources where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) order by id for update`)
  return new Map((r.rows as unknown as ResourceForDispatch[]).map((row) => [row.id, row]))
}

const dispatchColumns = sql`d.id, d.incident_id as "incidentId", d.resource_id as "resourceId",
  r.name as "resourceName", r.kind, r.category, d.status, d.note, d.eta_minutes as "etaMinutes",
  ${isoSql(sql`d.dispatched_at`)} as "dispatchedAt", ${isoSql(sql`d.en_route_at`)} as "enRouteAt",
  ${isoSql(sql`d.on_scene_at`)} as "onSceneAt", ${isoSql(sql`d.withdrawn_at`)} as "withdrawnAt",
  d.version, ST_X(r.location) as lng, ST_Y(r.location) as lat`

type RawDispatch = Omit<DispatchDetail, 'location'> & { lng: number; lat: number }
const toDetail = ({ lng, lat, ...d }: RawDispatch): DispatchDetail => ({
  ...d,
  version: Number(d.version),
  location: [Number(lng), Number(lat)],
})

export async function findDispatches(db: Queryable, ids: string[]): Promise<DispatchDetail[]> {
  if (ids.length === 0) return []
  const r = await db.execute(sql`select ${dispatchColumns}
    from dispatches d join resources r on r.id = d.resource_id
    where d.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) order by d.dispatched_at, d.id`)
  return (r.rows as RawDispatch[]).map(toDetail)
}

export async function findDispatchForWrite(tx: Queryable, id: string) {
  const r = await tx.execute(sql`select d.id, d.incident_id as "incidentId",
      d.resource_id as "resourceId", d.status, i.region_code as "regionCode", i.exercise,
      r.region_code as "resourceRegionCode"
    from dispatches d join incidents i on i.id = d.incident_id
      join resources r on r.id = d.resource_id
    where d.id = ${id} for update of d`)
  return (
    (r.rows[0] as
      | {
          id: string
          incidentId: string
          resourceId: string
          status: DispatchDetail['status']
          regionCode: string
          exercise: boolean
          resourceRegionCode: string
        }
      | undefined) ?? null
  )
}

export async function insertDispatch(
  tx: Queryable,
  actor: Actor,
  v: { incidentId: string; resourceId: string; note: string; etaMinutes: number },
): Promise<string> {
  const r = await tx.execute(sql`
    insert into dispatches (incident_id, resource_id, note, eta_minutes, created_by)
    values (${v.incidentId}, ${v.resourceId}, ${v.note}, ${v.etaMinutes}, ${actor.id})
    returning id`)
  return (r.rows[0] as { id: string }).id
}

/** Marks a resource dispatched, or releases it (only if it is still marked dispatched). */
export async function setResourceStatus(
  tx: Queryable,
  actor: Actor,
  id: string,
  status: 'available' | 'dispatched',
): Promise<void> {
  await tx.execute(sql`update resources set status = ${status}, version = version + 1,
    updated_at = now(), updated_by = ${actor.id}
    where id = ${id} ${status === 'available' ? sql`and status = 'dispatched'` : sql``}`)
}
