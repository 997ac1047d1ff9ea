import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Bbox } from '../../lib/geo/bbox.ts'
import type { RegionDetail, RegionRef } from './regions.schemas.ts'

export interface RegionListFilter {
  level?: string | undefined
  parent?: string | undefined
  bbox?: Bbox | undefined
  zoom?: number | undefined
}

/** The precomputed simplification that suits a zoom (the GeoJSON list and the region tiles). */
export const displayColumn = (zoom: number | undefined): SQL =>
  zoom === undefined || zoom < 7
    ? sql.raw('display_low')
    : zoom < 10
      ? sql.raw('display_mid')
      : sql.raw('boundary')

/** The FeatureCollection is assembled by PostgreSQL and passed through as text. */
export async function listRegionsGeoJson(db: Queryable, f: RegionListFilter): Promise<string> {
  const where: SQL[] = [sql`true`]
  if (f.level) where.push(sql`level = ${f.level}`)
  if (f.parent) where.push(sql`parent_code = ${f.parent}`)
  if (f.bbox) {
    const [a, b, c, d] = f.bbox
    where.push(sql`ST_Intersects(display_low, ST_MakeEnvelope(${a}, ${b}, ${c}, ${d}, 4326))`)
  }
  const geom = displayColumn(f.zoom)
  const result = await db.execute(sql`
    select json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', code,
        'properties', json_build_object(
          'code', code, 'name', name, 'level', level, 'parentCode', parent_code,
          'labelLng', ST_X(label_point), 'labelLat', ST_Y(label_point)),
        'geometry', ST_AsGeoJSON(${geom}, 5)::json
      ) order by code), '[]'::json)
    )::text as fc
    from regions where ${sql.join(where, sql` and `)}`)
  return (result.rows[0] as { fc: string }).fc
}

export async function findRegionDetail(db: Queryable, code: string): Promise<RegionDetail | null> {
  const result = await db.execute(sql`
    select code, name, level, parent_code as "parentCode", source, source_crs as "sourceCrs",
           ST_Area(boundary::geography) / 1e6 as "areaKm2",
           ST_X(label_point) as lng, ST_Y(label_point) as lat,
           ST_XMin(boundary) as x0, ST_YMin(boundary) as y0,
           ST_XMax(boundary) as x1, ST_YMax(boundary) as y1
    from regions where code = ${code}`)
  const row = result.rows[0] as
    | (Omit<RegionDetail, 'parents' | 'children' | 'childrenCount' | 'labelPoint' | 'bbox'> & {
        lng: number
        lat: number
        x0: number
        y0: number
        x1: number
        y1: number
      })
    | undefined
  if (!row) return null
  const [parents, children] = await Promise.all([parentChain(db, code), childrenOf(db, code)])
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    parents,
    areaKm2: Math.round(Number(row.areaKm2) * 10) / 10,
    labelPoint: [Number(row.lng), Number(row.lat)],
    bbox: [Number(row.x0), Number(row.y0), Number(row.x1), Number(row.y1)],
    childrenCount: children.length,
    children,
    source: row.source,
    sourceCrs: row.sourceCrs,
  }
}

export async function parentChain(db: Queryable, code: string): Promise<RegionRef[]> {
  const result = await db.execute(sql`
    with recursive chain as (
      select code, name, level, parent_code, 0 as depth from regions
      where code = (select parent_code from regions where code = ${code})
      union all
      select r.code, r.name, r.level, r.parent_code, chain.depth + 1
      from regions r join chain on r.code = chain.parent_code
      where chain.depth < 5
    )
    select code, name, level from chain order by depth desc`)
  return result.rows as unknown as RegionRef[]
}

async function childrenOf(db: Queryable, code: string): Promise<RegionRef[]> {
  const result = await db.execute(
    sql`select code, name, level from regions where parent_code = ${code} order by code`,
  )
  return result.rows as unknown as RegionRef[]
}
