import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { dangerStatuses } from '../../domain/registry/danger-status.ts'
import { geometry } from '../geometry.ts'
import { recordColumns } from './columns.ts'
import { enterprises } from './enterprises.ts'
import { hazardSources } from './hazard-sources.ts'

export const dangerSeverities = ['general', 'major'] as const
// The statuses are the rectification state machine's (one definition, in the domain).
export { dangerStatuses }

/**
 * Hidden dangers (隐患). A major one (重大事故隐患) records the item of the sector's
 * published list it matched (`majorListId` + `majorItem`, e.g. chemicals-2017 item 12).
 * Overdue is computed at read time from `deadline` and status, never stored.
 */
export const hiddenDangers = pgTable(
  'hidden_dangers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    hazardSourceId: uuid('hazard_source_id').references(() => hazardSources.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity', { enum: dangerSeverities }).notNull(),
    majorListId: text('major_list_id'),
    majorItem: text('major_item'),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    responsiblePerson: text('responsible_person').notNull(),
    status: text('status', { enum: dangerStatuses }).notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // Where the danger is; defaults to its enterprise's location.
    location: geometry('location', 'Point').notNull(),
    verified: boolean('verified').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    index('hidden_dangers_location_gix').using('gist', t.location),
    index('hidden_dangers_region_idx').on(t.regionCode),
    index('hidden_dangers_enterprise_idx').on(t.enterpriseId),
    // A hazard source's panel lists its dangers: without this every detail (and so every PATCH
    // answer) scanned the whole table, 26 ms at 120,000 dangers against 0.2 ms with it.
    index('hidden_dangers_hazard_source_idx').on(t.hazardSourceId),
    index('hidden_dangers_status_idx').on(t.status, t.deadline),
  ],
)
