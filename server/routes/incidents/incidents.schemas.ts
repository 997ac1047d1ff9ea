import { z } from '@hono/zod-openapi'
import { incidentStatuses, incidentTypes } from '../../db/schema/incidents.ts'
import { accidentGradeInputSchema, accidentGrades } from '../../domain/incidents/accident-grade.ts'
import { reportingLevels } from '../../domain/incidents/accident-reporting.ts'
import { baseListQuery } from '../../lib/registry/list-params.ts'
import { lngLatSchema } from '../../lib/registry/location.ts'
import { versionField } from '../../lib/registry/record-schemas.ts'
import {
  CLOCK_SKEW_MS,
  EARLIEST_DATE,
  MAX_LOSS_YUAN,
  personCount,
} from '../../domain/shared/bounds.ts'

// Domain schemas are plain zod: composed and described here, named by the route objects.
export const incidentTypeSchema = z.enum(incidentTypes)
export const incidentStatusSchema = z.enum(incidentStatuses)
export const accidentGradeSchema = z.enum(accidentGrades)
export const reportingLevelSchema = z.enum(reportingLevels)

/** An accident time: not before 1949-10-01, not later than now (within clock skew). */
const occurredAt = z
  .string()
  .datetime({ offset: true, message: 'occurredAt must be an ISO 8601 date-time' })
  .refine((s) => Date.parse(s) <= Date.now() + CLOCK_SKEW_MS, {
    message: 'occurredAt must not be in the future',
    params: { code: 'in_future' },
  })
  .refine((s) => Date.parse(s) >= Date.parse(`${EARLIEST_DATE}T00:00:00+08:00`), {
    message: `occurredAt must not be before ${EARLIEST_DATE}`,
    params: { code: 'too_early', min: EARLIEST_DATE },
  })

const count = personCount
const directLossYuan = z
  .number()
  .int('directLossYuan must be whole yuan')
  .min(0, 'directLossYuan must be ≥ 0')
  .max(MAX_LOSS_YUAN, `directLossYuan must be at most ${MAX_LOSS_YUAN}`)

export const classifyBody = z
  .object({ ...accidentGradeInputSchema.shape, occurredAt: occurredAt.optional() })
  .strict()
  .openapi('IncidentClassifyInput')

export const obligationSchema = z.object({
  level: reportingLevelSchema,
  dueAt: z.string(),
})

export const classifyResult = z
  .object({ grade: accidentGradeSchema, obligations: z.array(obligationSchema) })
  .openapi('IncidentClassification')

const text = (field: string, max: number) => z.string().trim().max(max, `${field} is too long`)

export const incidentCreate = z
  .object({
    type: incidentTypeSchema,
    occurredAt,
    location: lngLatSchema,
    address: text('address', 300).default(''),
    enterpriseId: z.string().uuid('enterpriseId must be a UUID').nullish(),
    hazardSourceId: z.string().uuid('hazardSourceId must be a UUID').nullish(),
    deaths: count('deaths'),
    seriousInjuries: count('seriousInjuries'),
    missing: count('missing').default(0),
    directLossYuan: directLossYuan.default(0),
    substance: text('substance', 100).nullish(),
    description: text('description', 5000).default(''),
    reporterName: text('reporterName', 100).min(1, 'reporterName is required'),
    reporterContact: text('reporterContact', 100).default(''),
  })
  .strict()
  .openapi('IncidentCreate')

/** Fields a 续报 (follow-up report) may change; casualty and loss fields re-grade. */
export const incidentUpdate = z
  .object({
    version: versionField,
    address: text('address', 300).optional(),
    deaths: count('deaths').optional(),
    seriousInjuries: count('seriousInjuries').optional(),
    missing: count('missing').optional(),
    directLossYuan: directLossYuan.optional(),
    substance: text('substance', 100).nullish(),
    description: text('description', 5000).optional(),
    reporterName: text('reporterName', 100).min(1).optional(),
    reporterContact: text('reporterContact', 100).optional(),
  })
  .strict()
  .openapi('IncidentUpdate')

export const statusBody = z
  .object({ version: versionField, status: incidentStatusSchema })
  .strict()
  .openapi('IncidentStatusChange')

export const noteBody = z
  .object({ text: z.string().trim().min(1, 'text is required').max(5000) })
  .strict()
  .openapi('IncidentNote')

export const obligationParam = z.object({
  id: z.string().uuid('id must be a UUID'),
  level: reportingLevelSchema,
})

export const obligationDetail = obligationSchema
  .extend({
    grade: accidentGradeSchema,
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    late: z.boolean(),
  })
  .openapi('ReportingObligation')

export const timelineEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    kind: z.string(),
    username: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('IncidentEvent')

export const dispatchSummary = z
  .object({
    id: z.string(),
    resourceId: z.string(),
    resourceName: z.string(),
    kind: z.string(),
    category: z.string(),
    status: z.string(),
    note: z.string(),
    etaMinutes: z.number().nullable(),
    dispatchedAt: z.string(),
    enRouteAt: z.string().nullable(),
    onSceneAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    location: z.tuple([z.number(), z.number()]),
  })
  .openapi('DispatchSummary')

export const incidentDetail = z
  .object({
    id: z.string(),
    type: incidentTypeSchema,
    occurredAt: z.string(),
    reportedAt: z.string(),
    location: z.tuple([z.number(), z.number()]),
    address: z.string(),
    enterpriseId: z.string().nullable(),
    hazardSourceId: z.string().nullable(),
    deaths: z.number().int(),
    seriousInjuries: z.number().int(),
    missing: z.number().int(),
    directLossYuan: z.number(),
    grade: accidentGradeSchema,
    substance: z.string().nullable(),
    description: z.string(),
    reporterName: z.string(),
    reporterContact: z.string(),
    status: incidentStatusSchema,
    /** 演练: an incident created by running a drill (never in statistics or obligations). */
    exercise: z.boolean(),
    regionCode: z.string(),
    regionName: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    supplementUntil: z.string(),
    canEdit: z.boolean(),
    obligations: z.array(obligationDetail),
    timeline: z.array(timelineEntry),
    dispatches: z.array(dispatchSummary),
  })
  .openapi('Incident')

const commaListOf = <T extends string>(values: readonly T[], name: string) =>
  z
    .string()
    .transform((raw, ctx): T[] => {
      const parts = raw
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
      if (parts.length === 0 || parts.some((p) => !(values as readonly string[]).includes(p))) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be one or more of ${values.join(', ')}, comma-separated`,
        })
        return z.NEVER
      }
      return parts as T[]
    })
    .optional()

export const exerciseModes = ['exclude', 'include', 'only'] as const
export type ExerciseMode = (typeof exerciseModes)[number]
export const exerciseModeSchema = z.enum(exerciseModes, {
  message: 'exercise must be exclude, include or only',
})

export const incidentListQuery = baseListQuery.omit({ q: true, includeRetired: true }).extend({
  status: commaListOf(incidentStatuses, 'status'),
  grade: commaListOf(accidentGrades, 'grade'),
  type: commaListOf(incidentTypes, 'type'),
  since: z
    .string()
    .datetime({ offset: true, message: 'since must be an ISO 8601 date-time' })
    .optional(),
  /** Exercises (演练) are left out unless asked for: include, or only them. */
  exercise: exerciseModeSchema.optional(),
})

export const incidentFeatureProperties = z.object({
  type: incidentTypeSchema,
  grade: accidentGradeSchema,
  status: incidentStatusSchema,
  exercise: z.boolean(),
  occurredAt: z.string(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  regionCode: z.string(),
  address: z.string(),
})

export type IncidentCreate = z.infer<typeof incidentCreate>
export type IncidentUpdate = z.infer<typeof incidentUpdate>
export type IncidentDetail = z.infer<typeof incidentDetail>
export type IncidentListQuery = z.infer<typeof incidentListQuery>
export type ObligationDetail = z.infer<typeof obligationDetail>
