import { z } from '@hono/zod-openapi'
import {
  drillKinds,
  drillRatings,
  drillStatuses,
  stepVerdicts,
} from '../../domain/plans/drill-evaluation.ts'
import { casSchema } from '../../domain/registry/cas.ts'
import { personCount } from '../../domain/shared/bounds.ts'
import { lngLatSchema } from '../../lib/registry/location.ts'
import { recordMeta, versionField } from '../../lib/registry/record-schemas.ts'
import { incidentStatusSchema, incidentTypeSchema } from '../incidents/incidents.schemas.ts'

const text = (field: string, max: number) => z.string().trim().max(max, `${field} is too long`)
const uuid = (field: string) => z.string().uuid(`${field} must be a UUID`)
/** A drill lasts at most a week: injections come within 7 days of the start. */
const MAX_MINUTE = 7 * 24 * 60

export const drillKindSchema = z.enum(drillKinds)
export const drillStatusSchema = z.enum(drillStatuses)

/** 注入信息: an update the exercise control sends at a set minute after the start. */
export const injectionSchema = z
  .object({
    minute: z.number().int('minute must be whole').min(0).max(MAX_MINUTE),
    text: text('text', 1000).min(1, 'text is required'),
    deaths: personCount('deaths').optional(),
    seriousInjuries: personCount('seriousInjuries').optional(),
    missing: personCount('missing').optional(),
    /** Moves the exercise incident one step forward (处置中, 已控制, 结案). */
    status: incidentStatusSchema.exclude(['reported']).optional(),
  })
  .strict()
  .openapi('DrillInjection')

/** The incident template the drill is run on. */
export const scenarioSchema = z
  .object({
    type: incidentTypeSchema,
    title: text('title', 200).min(1, 'title is required'),
    /** CAS number of the substance involved, if any. */
    substanceCas: casSchema.nullish(),
    substance: text('substance', 100).nullish(),
    /** Where the simulated incident happens (the drill's place when left out). */
    location: lngLatSchema.optional(),
    address: text('address', 300).default(''),
    description: text('description', 5000).default(''),
    deaths: personCount('deaths').default(0),
    seriousInjuries: personCount('seriousInjuries').default(0),
    missing: personCount('missing').default(0),
    injections: z
      .array(injectionSchema)
      .max(50, 'at most 50 injected updates')
      .default([])
      .refine((list) => list.every((x, i) => i === 0 || list[i - 1]!.minute <= x.minute), {
        message: 'injections must be in minute order',
      }),
  })
  .strict()
  .openapi('DrillScenario')

export const participantsSchema = z
  .object({
    /** Agencies by the GB/T 2260 code of their region (6 digits). */
    agencies: z
      .array(z.string().regex(/^\d{6}$/, 'a region code has 6 digits'))
      .max(50)
      .default([]),
    /** Teams and other resources by id. */
    teams: z.array(uuid('teams')).max(100).default([]),
  })
  .strict()
  .openapi('DrillParticipants')

export const drillCreate = z
  .object({
    planVersionId: uuid('planVersionId'),
    kind: drillKindSchema,
    title: text('title', 200).min(1, 'title is required'),
    scheduledAt: z.string().datetime({ offset: true, message: 'scheduledAt must be ISO 8601' }),
    place: lngLatSchema,
    address: text('address', 300).default(''),
    scenario: scenarioSchema,
    participants: participantsSchema.default({ agencies: [], teams: [] }),
  })
  .strict()
  .openapi('DrillCreate')

/** Before it runs, everything about a drill may change; the place re-derives its region. */
export const drillUpdate = z
  .object({
    version: versionField,
    kind: drillKindSchema.optional(),
    title: text('title', 200).min(1).optional(),
    scheduledAt: z.string().datetime({ offset: true }).optional(),
    place: lngLatSchema.optional(),
    address: text('address', 300).optional(),
    scenario: scenarioSchema.optional(),
    participants: participantsSchema.optional(),
  })
  .strict()
  .openapi('DrillUpdate')

export const versionBody = z.object({ version: versionField }).strict().openapi('DrillVersion')

/** 演练评估 as the evaluators write it when the drill ends. */
export const drillFinish = z
  .object({
    version: versionField,
    /** Minutes from the start at which each plan step was done, by step key, when the
     * activation checklist has no tick for it (a tabletop drill records them here). */
    stepMinutes: z
      .record(z.string().min(1).max(40), z.number().int().min(0).max(MAX_MINUTE).nullable())
      .default({}),
    problems: z.array(text('problems', 1000).min(1)).max(50).default([]),
    improvements: z.array(text('improvements', 1000).min(1)).max(50).default([]),
    summary: text('summary', 5000).default(''),
  })
  .strict()
  .openapi('DrillFinish')

export const stepResultSchema = z.object({
  key: z.string(),
  title: z.string(),
  targetMinutes: z.number().int(),
  actualMinutes: z.number().int().nullable(),
  verdict: z.enum(stepVerdicts),
  deltaMinutes: z.number().int().nullable(),
  /** Where the time came from: a checklist tick, or the evaluation form. */
  source: z.enum(['checklist', 'form', 'none']),
})

export const evaluationSchema = z
  .object({
    steps: z.array(stepResultSchema),
    score: z.number().int().nullable(),
    rating: z.enum(drillRatings).nullable(),
    problems: z.array(z.string()),
    improvements: z.array(z.string()),
    summary: z.string(),
    evaluatedBy: z.string(),
    evaluatedAt: z.string(),
  })
  .openapi('DrillEvaluation')

export const injectionState = injectionSchema.extend({
  seq: z.number().int(),
  dueAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
})

export const planStepSummary = z.object({
  key: z.string(),
  title: z.string(),
  role: z.string(),
  targetMinutes: z.number().int(),
})

export const drillDetail = z
  .object({
    id: z.string(),
    planVersionId: z.string(),
    planTitle: z.string(),
    planVersionNumber: z.number().int(),
    kind: drillKindSchema,
    title: z.string(),
    scheduledAt: z.string(),
    place: z.tuple([z.number(), z.number()]),
    address: z.string(),
    scenario: scenarioSchema,
    participants: participantsSchema,
    status: drillStatusSchema,
    incidentId: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    evaluation: evaluationSchema.nullable(),
    score: z.number().int().nullable(),
    steps: z.array(planStepSummary),
    injections: z.array(injectionState),
    ...recordMeta,
  })
  .openapi('Drill')

export const drillSummary = drillDetail
  .pick({
    id: true,
    kind: true,
    title: true,
    scheduledAt: true,
    place: true,
    address: true,
    status: true,
    incidentId: true,
    score: true,
    planTitle: true,
    regionCode: true,
    regionName: true,
    version: true,
  })
  .openapi('DrillSummary')

export const drillListQuery = z.object({
  status: drillStatusSchema.optional(),
  region: z
    .string()
    .regex(/^\d{2,6}$/, 'region must be a GB/T 2260 code prefix')
    .optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})

export const drillList = z.object({ drills: z.array(drillSummary) }).openapi('DrillList')

/** One moment of the drill incident's timeline, as the replay slider steps through them. */
export const replayEntry = z.object({
  at: z.string(),
  kind: z.string(),
  username: z.string(),
  data: z.record(z.string(), z.unknown()),
})

export const replaySchema = z
  .object({
    drillId: z.string(),
    incidentId: z.string(),
    start: z.string(),
    end: z.string(),
    location: z.tuple([z.number(), z.number()]),
    /** The incident's state changes (report, updates, status), oldest first. */
    timeline: z.array(replayEntry),
    /** Each dispatch line with the moments it changed. */
    dispatches: z.array(
      z.object({
        id: z.string(),
        resourceName: z.string(),
        location: z.tuple([z.number(), z.number()]),
        dispatchedAt: z.string(),
        enRouteAt: z.string().nullable(),
        onSceneAt: z.string().nullable(),
        withdrawnAt: z.string().nullable(),
      }),
    ),
    /** The plan steps with the moment each was done (checklist tick or evaluation form). */
    steps: z.array(planStepSummary.extend({ doneAt: z.string().nullable(), dueAt: z.string() })),
  })
  .openapi('DrillReplay')

export type DrillCreate = z.infer<typeof drillCreate>
export type DrillUpdate = z.infer<typeof drillUpdate>
export type DrillFinish = z.infer<typeof drillFinish>
export type DrillDetail = z.infer<typeof drillDetail>
export type DrillSummary = z.infer<typeof drillSummary>
export type DrillListQuery = z.infer<typeof drillListQuery>
export type DrillReplay = z.infer<typeof replaySchema>
export type Scenario = z.infer<typeof scenarioSchema>
export type Injection = z.infer<typeof injectionSchema>
export type Evaluation = z.infer<typeof evaluationSchema>
