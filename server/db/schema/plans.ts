import {
  boolean,
  date,
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
import {
  planKinds,
  planLevels,
  planVersionStatuses,
  responseLevels,
  type PlanStep,
  type ResponseLevelRule,
} from '../../domain/plans/plan-shape.ts'
import { recordColumns } from './columns.ts'
import { enterprises } from './enterprises.ts'
import { incidents } from './incidents.ts'

/** A person or duty desk to call when the plan is started. */
export interface PlanContact {
  role: string
  name: string
  phone: string
}

/** The original file a version's body was imported from (.docx or .md), kept as is. */
export interface PlanAttachment {
  name: string
  mediaType: string
  size: number
  /** The file's bytes, base64. */
  base64: string
}

/**
 * Emergency plans (应急预案): the catalogue entry. What the plan says lives in its versions;
 * the entry carries what matching needs (level, kind, incident types, substances by CAS, the
 * enterprise and hazard sources it belongs to, its region). `regionCode` is the jurisdiction
 * that owns the plan (a county, city or province code; '' never: national plans use '100000').
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    level: text('level', { enum: planLevels }).notNull(),
    kind: text('kind', { enum: planKinds }).notNull(),
    title: text('title').notNull(),
    /** incident types (domain/incidents/incident-types.ts) the plan covers; [] = all. */
    incidentTypes: jsonb('incident_types').$type<string[]>().notNull().default([]),
    /** CAS numbers of the substances the plan covers. */
    substances: jsonb('substances').$type<string[]>().notNull().default([]),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    hazardSourceIds: jsonb('hazard_source_ids').$type<string[]>().notNull().default([]),
    /** Review cycle in years (plans are reviewed at least every 3 years). */
    reviewCycleYears: integer('review_cycle_years').notNull().default(3),
    ...recordColumns(),
  },
  (t) => [
    index('plans_region_idx').on(t.regionCode),
    index('plans_enterprise_idx').on(t.enterpriseId),
  ],
)

/**
 * Every version of a plan, kept forever. At most one `in_force` per plan, enforced by a
 * partial unique index (putting a version in force supersedes the previous one in the same
 * transaction).
 */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    status: text('status', { enum: planVersionStatuses }).notNull().default('draft'),
    responseLevels: jsonb('response_levels').$type<ResponseLevelRule[]>().notNull().default([]),
    steps: jsonb('steps').$type<PlanStep[]>().notNull().default([]),
    contacts: jsonb('contacts').$type<PlanContact[]>().notNull().default([]),
    body: text('body').notNull().default(''),
    note: text('note').notNull().default(''),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    inForceFrom: date('in_force_from'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    reviewDue: date('review_due'),
    attachment: jsonb('attachment').$type<PlanAttachment | null>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('plan_versions_plan_number_uq').on(t.planId, t.number),
    uniqueIndex('plan_versions_one_in_force_uq')
      .on(t.planId)
      .where(sql`${t.status} = 'in_force'`),
  ],
)

/** A plan version started on an incident at a response level: its steps become a checklist. */
export const planActivations = pgTable(
  'plan_activations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    planVersionId: uuid('plan_version_id')
      .notNull()
      .references(() => planVersions.id),
    responseLevel: text('response_level', { enum: responseLevels }).notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** Ended (响应终止) or replaced by another activation; never deleted. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Who ended it (username), with ended_at. */
    endedBy: text('ended_by'),
    /** drills run plans on exercise incidents; carried so views can tell. */
    exercise: boolean('exercise').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('plan_activations_incident_idx').on(t.incidentId)],
)

/** A checklist tick: who marked which step of an activation done, and when. */
export const planActivationSteps = pgTable(
  'plan_activation_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activationId: uuid('activation_id')
      .notNull()
      .references(() => planActivations.id),
    stepKey: text('step_key').notNull(),
    doneBy: text('done_by').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('plan_activation_steps_uq').on(t.activationId, t.stepKey)],
)
