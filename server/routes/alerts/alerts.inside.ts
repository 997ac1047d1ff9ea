import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { inScope } from '../../lib/registry/scope.ts'
import type { AlertInside } from './alerts.schemas.ts'

/** Records listed per kind at most; counts are always complete. */
export const INSIDE_LIST_LIMIT = 200

const areaOf = (alertId: string) => sql`(select area from alerts where id = ${alertId})`

async function pointsInside(
  db: Queryable,
  actor: Actor,
  alertId: string,
  table: 'hazard_sources' | 'enterprises' | 'resources',
  detail: SQL,
  extra: SQL = sql`true`,
) {
  // Points: ST_Covers keeps a record on the area's edge (inside for a warning).
  const r = await db.execute(sql`select t.id, t.name, t.region_code as "regionCode",
      ${detail} as detail, count(*) over () as total
    from ${sql.identifier(table)} t
    where t.retired_at is null and ${inScope(actor, sql`t.region_code`)} and ${extra}
      and ST_Covers(${areaOf(alertId)}, t.location)
    order by t.name, t.id limit ${INSIDE_LIST_LIMIT}`)
  const rows = r.rows as (AlertInside['enterprises']['items'][number] & { total: number })[]
  return {
    count: rows.length > 0 ? Number(rows[0]!.total) : 0,
    items: rows.map(({ total, ...item }) => (void total, item)),
  }
}

/**
 * People: the county population figures where the regions table has them. A county wholly
 * inside counts whole; a county the area crosses counts by the share of its area covered
 * (area-weighted, which assumes people spread evenly: an estimate, labelled as such). If any
 * county touched has no figure, the total is unknown rather than a guess.
 */
async function populationInside(db: Queryable, alertId: string) {
  const r = await db.execute(sql`with a as (select area from alerts where id = ${alertId})
    select r.code, r.name, r.population,
      case when ST_Covers(a.area, r.boundary) then 1.0
        else ST_Area(ST_Intersection(r.boundary, a.area)) / nullif(ST_Area(r.boundary), 0) end
        as share
    from regions r, a
    where r.level = 'county' and ST_Intersects(r.boundary, a.area)
      and not ST_Touches(r.boundary, a.area)
    order by r.code`)
  const regions = (
    r.rows as { code: string; name: string; population: number | null; share: number }[]
  ).map((row) => ({
    code: row.code,
    name: row.name,
    population: row.population === null ? null : Number(row.population),
    coveredShare: Math.round(Math.min(1, Number(row.share ?? 0)) * 1000) / 1000,
  }))
  const known = regions.length > 0 && regions.every((x) => x.population !== null)
  return {
    status: known ? ('known' as const) : ('unknown' as const),
    estimate: known
      ? Math.round(regions.reduce((sum, x) => sum + x.population! * x.coveredShare, 0))
      : null,
    method: 'county population × share of the county area covered (area-weighted estimate)',
    regions,
  }
}

export async function alertInside(db: Queryable, actor: Actor, alertId: string) {
  // One after the other: inside a transaction they would share one connection anyway.
  const hazardSources = await pointsInside(db, actor, alertId, 'hazard_sources', sql`t.grade`)
  const enterprises = await pointsInside(db, actor, alertId, 'enterprises', sql`t.industry`)
  const resources = await pointsInside(
    db,
    actor,
    alertId,
    'resources',
    sql`t.kind || ' · ' || t.category`,
    sql`t.kind <> 'shelter'`,
  )
  const shelters = await pointsInside(
    db,
    actor,
    alertId,
    'resources',
    sql`case when t.capacity is null then t.category else t.category || ' · ' || t.capacity end`,
    sql`t.kind = 'shelter'`,
  )
  const population = await populationInside(db, alertId)
  return {
    hazardSources,
    enterprises,
    resources,
    shelters,
    population,
    listLimit: INSIDE_LIST_LIMIT,
  }
}
