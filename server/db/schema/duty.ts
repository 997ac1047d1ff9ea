import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { agencies, users } from './accounts.ts'

/** Duty roster (值班表): who is on duty for an agency and when. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    role: text('role').notNull().default('值班员'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('duty_shifts_agency_idx').on(t.agencyId, t.startsAt)],
)

/** Duty log (值班日志): calls, handovers and notes recorded by whoever is on duty. */
export const dutyLog = pgTable(
  'duty_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id').references(() => users.id),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    incidentId: uuid('incident_id'),
  },
  (t) => [index('duty_log_agency_idx').on(t.agencyId, t.at)],
)
