import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { inScope } from '../../lib/registry/scope.ts'
import { textSearch } from '../../lib/registry/text-search.ts'
import type { SearchResult } from './search.schemas.ts'

interface Row extends Omit<SearchResult, 'location'> {
  lng: number
  lat: number
  rank: number
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => '\\' + m)

/** 0 when the name starts with the query, 1 otherwise: prefix matches are listed first. */
const rankSql = (q: string, column: SQL) => sql`case when ${column} ilike ${escapeLike(q) + '%'}
  then 0 else 1 end`

/**
 * One pass over the four searchable tables. Regions are public geography (no scope filter);
 * records are limited to non-retired rows inside the actor's jurisdiction.
 */
export async function search(
  db: Queryable,
  actor: Actor,
  q: string,
  limit: number,
): Promise<SearchResult[]> {
  const result = await db.execute(sql`
    select * from (
      select 'region' as kind, r.code as id, r.name, r.code as detail,
        ST_X(r.label_point) as lng, ST_Y(r.label_point) as lat, ${rankSql(q, sql`r.name`)} as rank,
        case r.level when 'province' then 0 when 'city' then 1 else 2 end as tie
      from regions r
      where r.level <> 'national' and ${textSearch(q, [sql`r.name`])}
      union all
      select 'enterprise', e.id::text, e.name, e.industry || ' · ' || coalesce(rg.name, e.region_code),
        ST_X(e.location), ST_Y(e.location), ${rankSql(q, sql`e.name`)}, 3
      from enterprises e left join regions rg on rg.code = e.region_code
      where e.retired_at is null and ${inScope(actor, sql`e.region_code`)}
        and ${textSearch(q, [sql`e.name`, sql`e.uscc`, sql`e.address`])}
      union all
      select 'hazard_source', h.id::text, h.name,
        coalesce(h.grade, '') || case when h.grade is null then '' else ' · ' end
          || coalesce(rg.name, h.region_code),
        ST_X(h.location), ST_Y(h.location), ${rankSql(q, sql`h.name`)}, 4
      from hazard_sources h left join regions rg on rg.code = h.region_code
      where h.retired_at is null and ${inScope(actor, sql`h.region_code`)}
        and ${textSearch(q, [sql`h.name`])}
      union all
      select 'resource', s.id::text, s.name, s.category || ' · ' || coalesce(rg.name, s.region_code),
        ST_X(s.location), ST_Y(s.location), ${rankSql(q, sql`s.name`)}, 5
      from resources s left join regions rg on rg.code = s.region_code
      where s.retired_at is null and ${inScope(actor, sql`s.region_code`)}
        and ${textSearch(q, [sql`s.name`, sql`s.category`])}
    ) m
    order by m.rank, m.tie, char_length(m.name), m.name, m.id
    limit ${limit}`)
  return (result.rows as unknown as Row[]).map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    detail: r.detail,
    location: [Number(r.lng), Number(r.lat)],
  }))
}
