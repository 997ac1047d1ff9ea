import { z } from '@hono/zod-openapi'
import { incidentTypes } from '../../db/schema/incidents.ts'
import {
  planKinds,
  planLevels,
  planStepSchema,
  planVersionStatuses,
  responseLevelRuleSchema,
  responseLevels,
} from '../../domain/plans/index.ts'
import { matchReasons } from '../../domain/plans/plan-matching.ts'
import { versionField } from '../../lib/registry/record-schemas.ts'
import { regionCode } from '../regions/regions.schemas.ts'

const text = (field: string, max: number) => z.string().trim().max(max, `${field} is too long`)
const cas = z
  .string()
  .trim()
  .regex(/^\d{2,7}-\d{2}-\d$/, 'a CAS number looks like 7782-50-5')
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')

export const planLevelSchema = z.enum(planLevels)
export const planKindSchema = z.enum(planKinds)
export const versionStatusSchema = z.enum(planVersionStatuses)
export const responseLevelSchema = z.enum(responseLevels)

const contact = z.strictObject({
  role: text('role', 100).min(1),
  name: text('name', 100).default(''),
  phone: text('phone', 50).default(''),
})

const uniqueKeys = (steps: { key: string }[]) =>
  new Set(steps.map((s) => s.key)).size === steps.length

/** What a version says: response levels with triggers, ordered steps, contacts, the body. */
export const versionContent = {
  responseLevels: z
    .array(responseLevelRuleSchema)
    .max(4)
    .refine((l) => new Set(l.map((r) => r.level)).size === l.length, {
      message: 'each response level at most once',
    })
    .default([]),
  steps: z
    .array(planStepSchema)
    .max(100)
    .refine(uniqueKeys, { message: 'step keys must not repeat' })
    .default([]),
  contacts: z.array(contact).max(50).default([]),
  body: z.string().max(200_000, 'body is too long').default(''),
  note: text('note', 500).default(''),
}

const planFields = {
  title: text('title', 200).min(1, 'title is required'),
  incidentTypes: z.array(z.enum(incidentTypes)).max(incidentTypes.length).default([]),
  substances: z.array(cas).max(50).default([]),
  hazardSourceIds: z.array(z.string().uuid()).max(50).default([]),
  reviewCycleYears: z.number().int().min(1).max(3).default(3),
}

export const planCreate = z
  .object({
    level: planLevelSchema,
    kind: planKindSchema,
    /** The owning region (county, city or province code; 100000 national). Enterprise plans take the enterprise's. */
    regionCode: regionCode.optional(),
    enterpriseId: z.string().uuid().optional(),
    ...planFields,
    ...versionContent,
  })
  .strict()
  .openapi('PlanCreate')

export const planUpdate = z
  .object({
    version: versionField,
    title: planFields.title.optional(),
    incidentTypes: z.array(z.enum(incidentTypes)).max(incidentTypes.length).optional(),
    substances: z.array(cas).max(50).optional(),
    hazardSourceIds: z.array(z.string().uuid()).max(50).optional(),
    reviewCycleYears: z.number().int().min(1).max(3).optional(),
  })
  .strict()
  .openapi('PlanUpdate')

export const versionCreate = z
  .object({ version: versionField, ...versionContent })
  .strict()
  .openapi('PlanVersionCreate')

export const versionStatusBody = z
  .object({
    /** The version row's own version. */
    version: versionField,
    status: z.enum(['approved', 'in_force', 'superseded']),
    /** For in_force: the date it applies from (default today, China time). */
    inForceFrom: day.optional(),
  })
  .strict()
  .openapi('PlanVersionStatusChange')

export const planImport = z
  .object({
    version: versionField,
    fileName: text('fileName', 200).min(1),
    mediaType: z.enum([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/markdown',
      'text/plain',
    ]),
    /** The file's bytes, base64 (at most 5 MB decoded). */
    base64: z
      .string()
      .max(7_000_000, 'the file is too large (5 MB at most)')
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text'),
  })
  .strict()
  .openapi('PlanImport')

export const planListQuery = z.object({
  level: planLevelSchema.optional(),
  kind: planKindSchema.optional(),
  region: regionCode.optional().openapi({ description: 'Plans of this region and below' }),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})

export const versionParam = z.object({
  id: z.string().uuid('id must be a UUID'),
  number: z.coerce.number().int().min(1).max(10_000),
})
export const diffQuery = z.object({
  from: z.coerce.number().int().min(1).max(10_000),
  to: z.coerce.number().int().min(1).max(10_000),
})

const attachmentInfo = z.object({ name: z.string(), mediaType: z.string(), size: z.number() })

export const planVersionDetail = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: versionStatusSchema,
    responseLevels: z.array(responseLevelRuleSchema),
    steps: z.array(planStepSchema),
    contacts: z.array(contact),
    body: z.string(),
    note: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    inForceFrom: z.string().nullable(),
    supersededAt: z.string().nullable(),
    reviewDue: z.string().nullable(),
    attachment: attachmentInfo.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('PlanVersion')

export const planSummary = z
  .object({
    id: z.string(),
    level: planLevelSchema,
    kind: planKindSchema,
    title: z.string(),
    incidentTypes: z.array(z.string()),
    substances: z.array(z.string()),
    enterpriseId: z.string().nullable(),
    enterpriseName: z.string().nullable(),
    hazardSourceIds: z.array(z.string()),
    reviewCycleYears: z.number().int(),
    regionCode: z.string(),
    regionName: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
    /** The number of the version in force, if any. */
    inForce: z.number().int().nullable(),
    latest: z.number().int(),
    reviewDue: z.string().nullable(),
    overdue: z.boolean(),
    canEdit: z.boolean(),
  })
  .openapi('PlanSummary')

export const planList = z.object({ plans: z.array(planSummary) }).openapi('PlanList')

export const planDetail = planSummary
  .extend({ versions: z.array(planVersionDetail) })
  .openapi('Plan')

const diffRow = z.object({
  kind: z.enum(['same', 'changed', 'added', 'removed']),
  left: z.string().nullable(),
  right: z.string().nullable(),
})
export const planDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    body: z.array(diffRow),
    steps: z.array(diffRow),
  })
  .openapi('PlanDiff')

export const matchReasonSchema = z.object({
  code: z.enum(matchReasons),
  text: z.string(),
  detail: z.string().optional(),
})

export const planMatches = z
  .object({
    incidentId: z.string(),
    matches: z.array(
      z.object({ plan: planSummary, rank: z.number().int(), reasons: z.array(matchReasonSchema) }),
    ),
  })
  .openapi('PlanMatches')

export const activationCreate = z
  .object({ planId: z.string().uuid(), responseLevel: responseLevelSchema })
  .strict()
  .openapi('PlanActivationCreate')

export const stepParam = z.object({
  id: z.string().uuid('id must be a UUID'),
  key: z.string().min(1).max(40),
})
export const activationEndBody = z
  .object({
    /** The activation's own version. */
    version: versionField,
    note: text('note', 500).default(''),
  })
  .strict()
  .openapi('PlanActivationEnd')

export const stepDoneBody = z
  .object({ note: text('note', 500).default('') })
  .strict()
  .openapi('PlanStepDone')

const recommendationBrief = z.object({
  resourceId: z.string(),
  name: z.string(),
  kind: z.string(),
  category: z.string(),
  distanceKm: z.number(),
  etaMinutes: z.number(),
})

export const activationDetail = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    planId: z.string(),
    planTitle: z.string(),
    planVersionId: z.string(),
    versionNumber: z.number().int(),
    responseLevel: responseLevelSchema,
    trigger: z.string().nullable(),
    startedBy: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    endedBy: z.string().nullable(),
    version: z.number().int(),
    checklist: z.array(
      z.object({
        step: planStepSchema,
        dueAt: z.string(),
        done: z.boolean(),
        doneBy: z.string().nullable(),
        doneAt: z.string().nullable(),
        note: z.string(),
        late: z.boolean(),
        doneLate: z.boolean(),
      }),
    ),
    shortfall: z.array(
      z.object({
        kind: z.string(),
        required: z.number().int(),
        dispatched: z.number().int(),
        missing: z.number().int(),
        /** The best available resource of that kind, for a one-click 调派. */
        recommendation: recommendationBrief.nullable(),
      }),
    ),
    canEdit: z.boolean(),
  })
  .openapi('PlanActivation')

export const activationList = z
  .object({ activations: z.array(activationDetail) })
  .openapi('PlanActivations')

export type PlanCreate = z.infer<typeof planCreate>
export type PlanUpdate = z.infer<typeof planUpdate>
export type PlanListQuery = z.infer<typeof planListQuery>
export type PlanSummary = z.infer<typeof planSummary>
export type PlanVersionDetail = z.infer<typeof planVersionDetail>
export type VersionContent = z.infer<typeof versionCreate>
export type ActivationDetail = z.infer<typeof activationDetail>
export type ActivationEnd = z.infer<typeof activationEndBody>
