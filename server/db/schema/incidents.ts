import {
  bigint,
  bigserial,
  boolean,
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
import { accidentGrades } from '../../domain/incidents/accident-grade.ts'
import { reportingLevels } from '../../domain/incidents/accident-reporting.ts'
import { incidentStatuses, incidentTypes } from '../../domain/incidents/incident-types.ts'
import { geometry } from '../geometry.ts'
import { recordColumns } from './columns.ts'
import { enterprises } from './enterprises.ts'
import { hazardSources } from './hazard-sources.ts'
import { resources } from './resources.ts'

export { incidentStatuses, incidentTypes }

/**
 * Incidents (事故快报 / 突发事件接报). The accident grade (Order 493) is computed by the server
 * from the casualty and loss figures on every report and update, never sent by the client.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: incidentTypes }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    location: geometry('location', 'Point').notNull(),
    address: text('address').notNull().default(''),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    hazardSourceId: uuid('hazard_source_id').references(() => hazardSources.id),
    deaths: integer('deaths').notNull().default(0),
    seriousInjuries: integer('serious_injuries').notNull().default(0),
    missing: integer('missing').notNull().default(0),
    directLossYuan: bigint('direct_loss_yuan', { mode: 'number' }).notNull().default(0),
    grade: text('grade', { enum: accidentGrades }).notNull(),
    substance: text('substance'),
    description: text('description').notNull().default(''),
    reporterName: text('reporter_name').notNull().default(''),
    reporterContact: text('reporter_contact').notNull().default(''),
    status: text('status', { enum: incidentStatuses }).notNull().default('reported'),
    /**
     * 演练: created by running a drill. Never counted in statistics, never given reporting
     * obligations, left out of every live list unless the reader asks for exercises.
     */
    exercise: boolean('exercise').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    index('incidents_location_gix').using('gist', t.location),
    index('incidents_region_idx').on(t.regionCode),
    index('incidents_status_idx').on(t.status, t.occurredAt),
  ],
)

/** The incident timeline: every report, update, grade change, dispatch step, note and status change. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    userId: uuid('user_id'),
    username: text('username').notNull(),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [index('incident_events_incident_idx').on(t.incidentId, t.at)],
)

/** Who must be told by when (Order 493 Art. 9–11); marking one done records who and when. */
export const reportingObligations = pgTable(
  'reporting_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    level: text('level', { enum: reportingLevels }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The grade whose routing created this obligation. */
    grade: text('grade', { enum: accidentGrades }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: text('done_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reporting_obligations_incident_level_uq').on(t.incidentId, t.level)],
)

/** 已派出 → 在途 → 到场 → 撤回 */
export const dispatchStatuses = ['dispatched', 'en_route', 'on_scene', 'withdrawn'] as const

/**
 * Resource ↔ incident. The partial unique index lets a resource be in at most one live
 * dispatch: concurrent double dispatch fails in the database, not only in application code.
 */
export const dispatches = pgTable(
  'dispatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    status: text('status', { enum: dispatchStatuses }).notNull().default('dispatched'),
    note: text('note').notNull().default(''),
    etaMinutes: integer('eta_minutes'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull().defaultNow(),
    enRouteAt: timestamp('en_route_at', { withTimezone: true }),
    onSceneAt: timestamp('on_scene_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('dispatches_incident_idx').on(t.incidentId),
    uniqueIndex('dispatches_live_resource_uq')
      .on(t.resourceId)
      .where(sql`${t.status} <> 'withdrawn'`),
  ],
)
