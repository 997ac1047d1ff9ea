import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { geometry } from '../geometry.ts'
import { industries } from '../../domain/registry/industries.ts'
import { recordColumns } from './columns.ts'

export { industries, type Industry } from '../../domain/registry/industries.ts'

/** Enterprises (企业) under supervision, keyed by their 统一社会信用代码. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull().unique(),
    industry: text('industry', { enum: industries }).notNull(),
    address: text('address').notNull().default(''),
    location: geometry('location', 'Point').notNull(),
    employees: integer('employees').notNull().default(0),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    ...recordColumns(),
  },
  (t) => [
    index('enterprises_location_gix').using('gist', t.location),
    index('enterprises_region_idx').on(t.regionCode),
    index('enterprises_industry_idx').on(t.industry),
  ],
)
