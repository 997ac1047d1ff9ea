import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Columns every registry record carries: optimistic-concurrency `version`, soft delete
 * (`retiredAt`: nothing is hard-deleted), who and when. `regionCode` is the county (or the
 * most specific region) whose polygon contains the record, always set by the server.
 */
export const recordColumns = () => ({
  regionCode: text('region_code').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  retiredReason: text('retired_reason'),
})
