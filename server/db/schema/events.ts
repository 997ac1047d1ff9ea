import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * The realtime event log behind /api/events. Each row is written in the same transaction as
 * the change it announces; NOTIFY carries only its id, so every API process reads the same
 * row, clients filter by jurisdiction on `region_code`, and Last-Event-ID resumes from `id`.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').notNull(),
    regionCode: text('region_code').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    payload: jsonb('payload').notNull().default({}),
  },
  (t) => [index('events_at_idx').on(t.at)],
)
