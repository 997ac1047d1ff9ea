import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { drillKinds, drillStatuses } from '../../domain/plans/drill-evaluation.ts'
import { geometry } from '../geometry.ts'
import { recordColumns } from './columns.ts'
import { incidents } from './incidents.ts'
import { planVersions } from './plans.ts'

/**
 * 应急演练: a drill of one plan version. The scenario is an incident template (type,
 * substance, title, initial casualties, updates injected at set minutes); running the drill
 * reports it as an exercise incident (incidents.exercise) and materialises the injections
 * below. The evaluation (each step against its target, problems, improvements, score) is
 * written when the drill is finished.
 */
export const drills = pgTable(
  'drills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planVersionId: uuid('plan_version_id')
      .notNull()
      .references(() => planVersions.id),
    kind: text('kind', { enum: drillKinds }).notNull(),
    title: text('title').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    place: geometry('place', 'Point').notNull(),
    address: text('address').notNull().default(''),
    scenario: jsonb('scenario').notNull(),
    participants: jsonb('participants').notNull().default({ agencies: [], teams: [] }),
    status: text('status', { enum: drillStatuses }).notNull().default('scheduled'),
    incidentId: uuid('incident_id').references(() => incidents.id),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Whose name the injected updates arrive in: the user who ran the drill. */
    runBy: uuid('run_by'),
    evaluation: jsonb('evaluation'),
    score: integer('score'),
    ...recordColumns(),
  },
  (t) => [
    index('drills_region_idx').on(t.regionCode),
    index('drills_scheduled_idx').on(t.scheduledAt),
  ],
)

/**
 * A scenario update waiting for its minute: `due_at` is set when the drill runs, `applied_at`
 * when it went through the incident-update path. Persisted, so a restarted server applies
 * those still due.
 */
export const drillInjections = pgTable(
  'drill_injections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    drillId: uuid('drill_id')
      .notNull()
      .references(() => drills.id),
    seq: integer('seq').notNull(),
    minute: integer('minute').notNull(),
    text: text('text').notNull(),
    changes: jsonb('changes').notNull().default({}),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('drill_injections_drill_seq_uq').on(t.drillId, t.seq),
    index('drill_injections_due_idx')
      .on(t.dueAt)
      .where(sql`${t.appliedAt} is null`),
  ],
)
