import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Bbox } from '../geo/bbox.ts'
import { HttpProblem } from '../problem.ts'
import { DEFAULT_LIST_LIMIT, UNBOUNDED_LIST_LIMIT } from './list-params.ts'

export interface FeatureListSpec {
  /** `table alias`, e.g. sql`hazard_sources t`, plus any joins. */
  from: SQL
  /** json_build_object(...) of the properties a map feature carries. */
  properties: SQL
  where: SQL[]
  orderBy: SQL
  bbox?: Bbox | undefined
  limit?: number | undefined
  /** The geometry column, default t.location. */
  geometry?: SQL
}

export const bboxFilter = (bbox: Bbox, column: SQL = sql`t.location`) =>
  sql`${column} && ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)`

/**
 * A GeoJSON FeatureCollection assembled by PostgreSQL and passed through, so a list of 50,000
 * points is not parsed and re-serialised in Node. Foreign members `truncated` and `limit` say
 * whether the client saw everything. Without a bbox the list is capped: a larger answer is a
 * 413 asking for a bbox.
 *
 * It is answered as UTF-8 bytes, encoded once here by Buffer.from (native, one pass): a string
 * body would be encoded by the Response through a TextEncoder stream, which for a province's
 * 10 MB cost as much as a third of the query itself (#19's list bench).
 */
export async function featureCollection(
  db: Queryable,
  spec: FeatureListSpec,
): Promise<Uint8Array<ArrayBuffer>> {
  const geometry = spec.geometry ?? sql`t.location`
  const limit = spec.bbox
    ? Math.min(spec.limit ?? DEFAULT_LIST_LIMIT, 100_000)
    : Math.min(spec.limit ?? UNBOUNDED_LIST_LIMIT, UNBOUNDED_LIST_LIMIT)
  const where = spec.bbox ? [...spec.where, bboxFilter(spec.bbox, geometry)] : spec.where
  const result = await db.execute(sql`
    with rows as (
      select json_build_object(
        'type', 'Feature', 'id', t.id,
        'geometry', ST_AsGeoJSON(${geometry}, 6)::json,
        'properties', ${spec.properties}) as feature
      from ${spec.from}
      where ${sql.join(where, sql` and `)}
      order by ${spec.orderBy}
      limit ${limit + 1}
    ), numbered as (select feature, row_number() over () as n from rows)
    select json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(feature) filter (where n <= ${limit}), '[]'::json),
      'truncated', count(*) > ${limit},
      'limit', ${limit}::int
    )::text as fc, count(*) > ${limit} as truncated from numbered`)
  const { fc, truncated } = result.rows[0] as { fc: string; truncated: boolean }
  if (!spec.bbox && truncated) {
    throw new HttpProblem(
      413,
      'Content Too Large',
      `More than ${UNBOUNDED_LIST_LIMIT} features match; add a bbox or narrow the filters.`,
      { errors: [{ field: 'bbox', code: 'required', message: 'required for a list this large' }] },
    )
  }
  // A string this size gets its own ArrayBuffer (only small ones share Buffer's pool).
  return Buffer.from(fc, 'utf8') as Uint8Array<ArrayBuffer>
}
