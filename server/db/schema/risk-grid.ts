import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { riskLevels } from '../../domain/risk/risk-level.ts'
import { geometry } from '../geometry.ts'

/**
 * The safety-risk grid (安全风险网格): square cells of equal area covering a jurisdiction, each
 * with a score and its four-colour level (重大/较大/一般/低风险). Cells are addressed by
 * (`grid`, `i`, `j`): column and row of a `sizeM`-metre square in the grid's equal-area
 * projection (`grid` names it, e.g. `aea-china-1km`), so a recomputation updates the same
 * cells in place and neighbours are `i ± 1`, `j ± 1` without geometry. `cell` (WGS84) is for
 * drawing and spatial joins, `centroid` for point lookups; `regionCode` is the county whose
 * polygon holds the centroid, for scoping like every registry record. `factors` records what
 * contributed to the score.
 */
export const riskGridCells = pgTable(
  'risk_grid_cells',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    grid: text('grid').notNull(),
    i: integer('i').notNull(),
    j: integer('j').notNull(),
    sizeM: integer('size_m').notNull(),
    cell: geometry('cell', 'Polygon').notNull(),
    centroid: geometry('centroid', 'Point').notNull(),
    regionCode: text('region_code').notNull(),
    score: real('score').notNull(),
    level: text('level', { enum: riskLevels }).notNull(),
    factors: jsonb('factors')
      .notNull()
      .default(sql`'{}'::jsonb`),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('risk_grid_cells_address_idx').on(t.grid, t.i, t.j),
    index('risk_grid_cells_cell_gix').using('gist', t.cell),
    index('risk_grid_cells_region_idx').on(t.regionCode),
    index('risk_grid_cells_level_idx').on(t.grid, t.level),
    check('risk_grid_cells_score_range', sql`${t.score} >= 0 and ${t.score} <= 100`),
  ],
)
