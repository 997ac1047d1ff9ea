import { customType } from 'drizzle-orm/pg-core'
import { sql, type SQL } from 'drizzle-orm'

type GeometryKind = 'Point' | 'Polygon' | 'MultiPolygon' | 'Geometry'

/**
 * PostGIS geometry column in EPSG:4326. drizzle's built-in `geometry()` maps points only,
 * so polygons need a custom type. Values are written as GeoJSON and read back through
 * explicit `ST_AsGeoJSON` selects (see `asGeoJson`), never as raw WKB.
 */
export const geometry = (name: string, kind: GeometryKind) =>
  customType<{ data: GeoJSON.Geometry; driverData: string }>({
    dataType() {
      return kind === 'Geometry' ? 'geometry(Geometry,4326)' : `geometry(${kind},4326)`
    },
    toDriver(value): SQL {
      return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)`
    },
    fromDriver(value): GeoJSON.Geometry {
      // Only reached when a raw column is selected; callers select ST_AsGeoJSON instead.
      return JSON.parse(value) as GeoJSON.Geometry
    },
  })(name)

/** GeoJSON text of a geometry expression, rounded to 6 decimals (~0.1 m). */
export const asGeoJson = (column: SQL | { name: string }, digits = 6) =>
  sql<string>`ST_AsGeoJSON(${column}, ${digits})`
