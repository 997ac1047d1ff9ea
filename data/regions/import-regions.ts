import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import { checkRegionCodes, describeMismatch, type CodeCheck } from './code-check.ts'
import { hierarchyProblems } from './hierarchy.ts'
import { loadOfficialCodes, officialSource } from './official-codes.ts'
import { boundarySource, loadRegionRecords, type RegionRecord } from './source.ts'

// Display simplification tolerances in degrees: ~1 km for country/province views, ~100 m
// for city views. Analysis always uses the full `boundary`.
const LOW_TOLERANCE = 0.01
const MID_TOLERANCE = 0.001

/**
 * Regions per INSERT. One statement per region cost ~50 s on the embedded engine for the
 * whole country; a few hundred per statement keep each one a few MB of JSON.
 */
const BATCH_SIZE = 250

const NATIONAL = { code: '100000', name: '中华人民共和国' } as const

export interface ImportResult {
  inserted: number
  /** Source polygons that were invalid (self-touching rings …) and were repaired. */
  repaired: number
  /** How the codes and names differ from the 2023 list; each is also logged. */
  codeCheck: CodeCheck
}

/**
 * Valid geometries pass as they are; only invalid ones pay for ST_MakeValid, and keep their
 * polygonal parts. ST_IsValidDetail rather than ST_IsValid: it says the same without a
 * NOTICE per invalid ring. (Simplifying can make a valid polygon invalid again, rarely.)
 */
const repairedSql = (column: 'low' | 'mid') =>
  sql.raw(`case when (ST_IsValidDetail(${column})).valid then ST_Multi(${column})
    else ST_Multi(ST_CollectionExtract(ST_MakeValid(${column}), 3)) end`)

async function insertBatch(
  db: Queryable,
  batch: readonly RegionRecord[],
  source: string,
): Promise<{ inserted: number; repaired: number }> {
  // The boundaries are GeoJSON text already: splice them in rather than parse and re-encode.
  const json = `[${batch
    .map(
      (r) =>
        `{"code":${JSON.stringify(r.code)},"name":${JSON.stringify(r.name)},"level":"${r.level}",` +
        `"parent":"${r.parentCode}","lng":${r.labelPoint[0]},"lat":${r.labelPoint[1]},` +
        `"boundary":${r.boundary}}`,
    )
    .join(',')}]`
  // MATERIALIZED: each geometry is parsed, checked and simplified once, not once per use.
  const result = await db.execute(sql`
    with input as materialized (
      select e->>'code' as code, e->>'name' as name, e->>'level' as level,
             e->>'parent' as parent_code, (e->>'lng')::float8 as lng, (e->>'lat')::float8 as lat,
             ST_SetSRID(ST_GeomFromGeoJSON(e->'boundary'), 4326) as source_geom
      from json_array_elements(${json}::json) e
    ), checked as materialized (
      select input.*, (ST_IsValidDetail(source_geom)).valid as was_valid from input
    ), valid as materialized (
      select checked.*,
             case when was_valid then ST_Multi(source_geom)
                  else ST_Multi(ST_CollectionExtract(ST_MakeValid(source_geom), 3)) end as full_geom
      from checked
    ), shown as materialized (
      select valid.*, ST_SimplifyPreserveTopology(full_geom, ${LOW_TOLERANCE}) as low,
             ST_SimplifyPreserveTopology(full_geom, ${MID_TOLERANCE}) as mid
      from valid
    ), inserted as (
      insert into regions (code, name, level, parent_code, boundary, display_low, display_mid,
                           label_point, source, source_crs)
      select code, name, level, parent_code, full_geom, ${repairedSql('low')}, ${repairedSql('mid')},
             ST_SetSRID(ST_MakePoint(lng, lat), 4326), ${source}, ${boundarySource.crs}
      from shown
      on conflict (code) do nothing
      returning code
    )
    select (select count(*) from inserted)::int as inserted,
           (select count(*) from shown where not was_valid)::int as repaired`)
  const row = result.rows[0] as { inserted: number; repaired: number }
  return { inserted: Number(row.inserted), repaired: Number(row.repaired) }
}

/**
 * Loads the packaged administrative boundaries of the whole country (converted GCJ-02 →
 * WGS84) into `regions`, plus the national root whose boundary is the union of the
 * provinces. The codes are checked against the 2023 list first; each difference is logged
 * and returned. A set that is not one consistent tree is refused before anything is written.
 */
export async function importRegions(
  db: Queryable,
  log: (line: string) => void = () => {},
): Promise<ImportResult> {
  const source = `${boundarySource.package}@${boundarySource.version}`
  const records = loadRegionRecords()
  const root = { ...NATIONAL, level: 'national' as const, parentCode: null }
  const problems = hierarchyProblems([root, ...records])
  if (problems.length > 0) {
    throw new Error(`regions: the packaged tree is inconsistent:\n  ${problems.join('\n  ')}`)
  }
  const codeCheck = checkRegionCodes(records, loadOfficialCodes())
  log(
    `regions: ${codeCheck.mismatches.length} differences from the ${officialSource.vintage} codes ` +
      `(${officialSource.package}@${officialSource.version}); ${codeCheck.notCovered} units of ` +
      `台湾/香港/澳门 are outside that list`,
  )
  for (const m of codeCheck.mismatches) log(`  ${describeMismatch(m)}`)

  let inserted = 0
  let repaired = 0
  for (let i = 0; i < records.length; i += BATCH_SIZE) {
    const done = await insertBatch(db, records.slice(i, i + BATCH_SIZE), source)
    inserted += done.inserted
    repaired += done.repaired
  }
  // A union, not a collection: neighbouring provinces share edges, and a MultiPolygon whose
  // parts touch along a line is invalid. The 34 coarse province outlines union in under 1 s.
  const national = await db.execute(sql`
    with country as materialized (
      select ST_Multi(ST_CollectionExtract(ST_Union(boundary), 3)) as full_geom
      from regions where level = 'province'
    ), shown as materialized (
      select full_geom, ST_SimplifyPreserveTopology(full_geom, ${LOW_TOLERANCE}) as low,
             ST_SimplifyPreserveTopology(full_geom, ${MID_TOLERANCE}) as mid
      from country
    )
    insert into regions (code, name, level, parent_code, boundary, display_low, display_mid,
                         label_point, source, source_crs)
    select ${NATIONAL.code}, ${NATIONAL.name}, 'national', null, full_geom,
           ${repairedSql('low')}, ${repairedSql('mid')},
           ST_SetSRID(ST_MakePoint(116.3975, 39.9087), 4326),
           ${source}, ${boundarySource.crs}
    from shown
    on conflict (code) do nothing
    returning code`)
  inserted += national.rows.length
  log(`regions: ${repaired} invalid source polygons repaired (ST_MakeValid)`)
  return { inserted, repaired, codeCheck }
}
