/**
 * A deterministic 1 km safety-risk grid over a jurisdiction (the whole province ≈ 205,600
 * cells): equal-area square cells (Albers on CGCS2000's ellipsoid, so every cell is 1 km² on
 * the ground), each given to the county holding its centre. The score is a stand-in until the
 * risk-grid feature computes real ones: the hazard sources around the cell, weighted by grade
 * and by distance on a 5 × 5 cell kernel, mapped to 0–100 and cut into the four levels.
 * Set-based SQL, so 200,000 cells take seconds on a server.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'

/** China Albers equal-area, registered by migration 0004 (parallels 25°N, 47°N, meridian 105°E). */
export const CHINA_ALBERS_SRID = 990001
export const CHINA_ALBERS =
  '+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs'

/**
 * How to reach the grid's projection. PostgreSQL caches a registered SRID (a proj string is
 * re-parsed per row: minutes for 200,000 cells); the embedded PostGIS returns no row for a
 * transform to a user SRID, so there the proj string is used with SRID 0.
 */
async function gridProjection(db: Queryable) {
  const probe = await db.execute(
    sql`select ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(105, 35), 4326), ${sql.raw(String(CHINA_ALBERS_SRID))})) as x`,
  )
  const proj = sql.raw(`'${CHINA_ALBERS}'`)
  if (probe.rows.length === 1) {
    const srid = sql.raw(String(CHINA_ALBERS_SRID))
    return {
      srid,
      to: (g: SQL) => sql`ST_Transform(${g}, ${srid})`,
      back: (g: SQL) => sql`ST_Transform(${g}, 4326)`,
    }
  }
  return {
    srid: sql.raw('0'),
    to: (g: SQL) => sql`ST_Transform(${g}, ${proj})`,
    back: (g: SQL) => sql`ST_Transform(${g}, ${proj}, 4326)`,
  }
}
export const RISK_GRID_NAME = 'aea-china-1km'

export interface RiskGridOptions {
  /** GB/T 2260 code of the area to cover: 610000 (province) or a city such as 610100. */
  region: string
  sizeM?: number
}

export async function writeDemoRiskGrid(db: Queryable, options: RiskGridOptions): Promise<number> {
  const size = options.sizeM ?? 1000
  const prefix = options.region.replace(/(00)+$/, '')
  const grid = size === 1000 ? RISK_GRID_NAME : `aea-china-${size}m`
  if (!Number.isInteger(size) || size <= 0) throw new Error(`bad cell size ${size}`)
  // Inlined, not bound: with parameters the planner loses the constants and the grid query
  // runs for minutes instead of seconds. Both are constants checked here.
  const m = sql.raw(String(size))
  const { srid, to, back } = await gridProjection(db)
  await db.execute(sql`drop table if exists pg_temp.grid_counties, pg_temp.grid_weights`)
  // Counties in the projection, cut into small pieces so point-in-polygon stays cheap.
  await db.execute(sql`create temp table grid_counties as
    select code, ST_Subdivide(${to(sql`boundary`)}, 64) as g
    from regions where level = 'county' and code like ${prefix + '%'}`)
  await db.execute(sql`create index on grid_counties using gist (g)`)
  await db.execute(sql`analyze grid_counties`)
  // Grade weights of the hazard sources binned to cells, spread on a 5 × 5 kernel.
  await db.execute(sql`create temp table grid_weights as
    with binned as (
      select floor(ST_X(p) / ${m})::int as i, floor(ST_Y(p) / ${m})::int as j,
        sum(case grade when '一级' then 8 when '二级' then 4 when '三级' then 2
          when '四级' then 1 else 0.25 end) as w, count(*) as n
      from (select ${to(sql`location`)} as p, grade from hazard_sources
        where retired_at is null and region_code like ${prefix + '%'}) h
      group by 1, 2)
    select b.i + di as i, b.j + dj as j, sum(b.w / (1 + di * di + dj * dj)) as w,
      sum(b.n) filter (where di = 0 and dj = 0) as n
    from binned b, generate_series(-2, 2) di, generate_series(-2, 2) dj
    group by 1, 2`)
  await db.execute(sql`create index on grid_weights (i, j)`)
  await db.execute(sql`analyze grid_weights`)
  const inserted = await db.execute(sql`
    with extent as (
      select floor(ST_XMin(e) / ${m})::int as i0, floor(ST_XMax(e) / ${m})::int as i1,
             floor(ST_YMin(e) / ${m})::int as j0, floor(ST_YMax(e) / ${m})::int as j1
      from (select ST_Extent(g) as e from grid_counties) x),
    cells as (
      select c.i, cj.j, r.code,
        round((100 * (1 - exp(-coalesce(w.w, 0) / 6)))::numeric, 1)::real as score,
        coalesce(w.w, 0) as weight, coalesce(w.n, 0) as sources
      from extent, generate_series(i0, i1) as c(i) cross join lateral generate_series(j0, j1) as cj(j)
      cross join lateral (select code from grid_counties
        where ST_Intersects(g, ST_SetSRID(ST_MakePoint((c.i + 0.5) * ${m}, (cj.j + 0.5) * ${m}), ${srid}))
        limit 1) r
      left join grid_weights w on w.i = c.i and w.j = cj.j),
    numbered as (select *, row_number() over (partition by i order by j) as k from cells),
    -- One transform per grid column, not per cell: a collection in, its parts out in order.
    shapes as (
      select i, (d).path[1] as k, (d).geom as cell from (
        select i, ST_Dump(${back(sql`ST_Collect(ST_MakeEnvelope(i * ${m}, j * ${m}, (i + 1) * ${m}, (j + 1) * ${m}, ${srid}) order by j)`)}) as d
        from numbered group by i) x),
    centres as (
      select i, (d).path[1] as k, (d).geom as centroid from (
        select i, ST_Dump(${back(sql`ST_Collect(ST_SetSRID(ST_MakePoint((i + 0.5) * ${m}, (j + 0.5) * ${m}), ${srid}) order by j)`)}) as d
        from numbered group by i) x),
    inserted as (insert into risk_grid_cells (grid, i, j, size_m, cell, centroid, region_code, score, level,
      factors)
    select ${grid}, n.i, n.j, ${size}, s.cell, c.centroid, n.code, n.score,
      case when n.score >= 75 then '重大风险' when n.score >= 50 then '较大风险'
        when n.score >= 25 then '一般风险' else '低风险' end,
      jsonb_build_object('hazardWeight', round(n.weight::numeric, 2), 'hazardSources', n.sources)
    from numbered n join shapes s on s.i = n.i and s.k = n.k join centres c on c.i = n.i and c.k = n.k
    on conflict (grid, i, j) do nothing
    returning 1)
    select count(*)::int as n from inserted`)
  await db.execute(sql`drop table if exists pg_temp.grid_counties, pg_temp.grid_weights`)
  return (inserted.rows[0] as { n: number }).n
}
