import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
} from 'drizzle-orm/pg-core'
import { hazardGrades, type HazardCategory } from '../../domain/registry/gb18218-tables.ts'
import { geometry } from '../geometry.ts'
import { recordColumns } from './columns.ts'
import { enterprises } from './enterprises.ts'

export const unitKinds = ['储罐区', '库区', '生产装置', '尾矿库', '其他'] as const

export interface StoredSubstance {
  name: string
  cas?: string | undefined
  category?: HazardCategory | undefined
  quantityTonnes: number
}

/**
 * Hazard units assessed under GB 18218-2018. S, R, α and the grade are computed by the
 * server (server/domain/gb18218.ts) on every write and stored for querying and styling;
 * `assessment` keeps the per-substance terms. A unit with S < 1 stays here as a general
 * hazard (`isMajor` false, `grade` null), not a major hazard source (重大危险源).
 */
export const hazardSources = pgTable(
  'hazard_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    name: text('name').notNull(),
    unitKind: text('unit_kind', { enum: unitKinds }).notNull(),
    location: geometry('location', 'Point').notNull(),
    substances: jsonb('substances').$type<StoredSubstance[]>().notNull(),
    peopleWithin500m: integer('people_within_500m').notNull(),
    s: doublePrecision('s').notNull(),
    r: doublePrecision('r').notNull(),
    alpha: doublePrecision('alpha').notNull(),
    grade: text('grade', { enum: hazardGrades }),
    isMajor: boolean('is_major').notNull(),
    assessment: jsonb('assessment').notNull(),
    ...recordColumns(),
  },
  (t) => [
    index('hazard_sources_location_gix').using('gist', t.location),
    index('hazard_sources_region_idx').on(t.regionCode),
    index('hazard_sources_enterprise_idx').on(t.enterpriseId),
    index('hazard_sources_grade_idx').on(t.grade),
  ],
)
