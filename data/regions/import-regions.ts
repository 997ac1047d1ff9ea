import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import { boundarySource, loadRegionRecords, type RegionRecord } from './source.ts'

// Display simplification tolerances in degrees: ~1 km for country/province views, ~100 m
// for city views. Analysis always uses the full `boundary`.
const LOW_TOLERANCE = 0.01
const MID_TOLERANCE = 0.001

/** Repairs the source's invalid rings and keeps only polygonal parts. */
const repaired = (geojson: string) =>
  sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326)), 3))`

async function insertRegion(db: Queryable, r: RegionRecord, source: string): Promise<void> {
  const boundary = repaired(JSON.stringify(r.boundary))
  await db.execute(sql`
    with g as (select ${boundary} as full)
    insert into regions (code, name, level, parent_code, boundary, display_low, display_mid,
                         label_point, source, source_crs)
    select ${r.code}, ${r.name}, ${r.level}, ${r.parentCode}, g.full,
           ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SimplifyPreserveTopology(g.full, ${LOW_TOLERANCE})), 3)),
           ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SimplifyPreserveTopology(g.full, ${MID_TOLERANCE})), 3)),
           ST_SetSRID(ST_MakePoint(${r.labelPoint[0]}, ${r.labelPoint[1]}), 4326),
           ${source}, ${boundarySource.crs}
    from g
    on conflict (code) do nothing`)
}

/**
 * Loads the packaged administrative boundaries (converted GCJ-02 → WGS84) into `regions`,
 * plus the national root whose boundary is the union of the provinces.
 */
export async function importRegions(db: Queryable): Promise<{ inserted: number }> {
  const source = `${boundarySource.package}@${boundarySource.version}`
  const records = loadRegionRecords()
  for (const record of records) await insertRegion(db, record, source)
  await db.execute(sql`
    insert into regions (code, name, level, parent_code, boundary, display_low, display_mid,
                         label_point, source, source_crs)
    select '100000', '中华人民共和国', 'national', null,
           ST_Multi(ST_CollectionExtract(ST_Collect(boundary), 3)),
           ST_Multi(ST_CollectionExtract(ST_Collect(display_low), 3)),
           ST_Multi(ST_CollectionExtract(ST_Collect(display_mid), 3)),
           ST_SetSRID(ST_MakePoint(116.3975, 39.9087), 4326),
           ${source}, ${boundarySource.crs}
    from regions where level = 'province'
    on conflict (code) do nothing`)
  return { inserted: records.length + 1 }
}
