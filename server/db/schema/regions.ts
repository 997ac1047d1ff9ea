import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { geometry } from '../geometry.ts'

export const regionLevels = ['national', 'province', 'city', 'county'] as const
export type RegionLevel = (typeof regionLevels)[number]

/**
 * Administrative regions (行政区划) keyed by GB/T 2260 six-digit code. `boundary` is the
 * full geometry used for analysis (containment, area); the `display*` columns are
 * simplified copies for drawing at low and middle zooms, so a province-wide view does not
 * ship every vertex.
 */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: regionLevels }).notNull(),
    parentCode: text('parent_code'),
    boundary: geometry('boundary', 'MultiPolygon').notNull(),
    displayLow: geometry('display_low', 'MultiPolygon').notNull(),
    displayMid: geometry('display_mid', 'MultiPolygon').notNull(),
    labelPoint: geometry('label_point', 'Point').notNull(),
    population: integer('population'),
    // Where the geometry came from and in which CRS it arrived (converted to WGS84 on import).
    source: text('source').notNull(),
    sourceCrs: text('source_crs').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_level_idx').on(t.level),
    index('regions_boundary_gix').using('gist', t.boundary),
    index('regions_display_low_gix').using('gist', t.displayLow),
  ],
)
