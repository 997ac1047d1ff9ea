import { z } from '@hono/zod-openapi'
import { dangerSeverities } from '../../db/schema/hidden-dangers.ts'
import { dangerStatuses } from '../../domain/registry/danger-status.ts'
import { dangerStatusSchema, isoDateSchema } from '../../domain/registry/danger-status-schema.ts'
import { majorListIdSchema } from '../../domain/registry/major-danger-lists.ts'
import { pastDate, plannedDate } from '../../domain/shared/bounds.ts'
import { baseListQuery } from '../../lib/registry/list-params.ts'
import { lngLatSchema } from '../../lib/registry/location.ts'
import { recordMeta, retireBody, versionField } from '../../lib/registry/record-schemas.ts'

export const severitySchema = z.enum(dangerSeverities)

const majorItemSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, 'majorItem is the item number, e.g. "12"')
const dateField = (what: string) => isoDateSchema.describe(`${what}, YYYY-MM-DD`)

const dangerFields = {
  hazardSourceId: z.string().uuid('hazardSourceId must be a UUID').nullable(),
  title: z.string().trim().min(1, 'title is required').max(200),
  description: z.string().trim().max(4000),
  severity: severitySchema.describe('general 一般隐患 or major 重大事故隐患'),
  majorListId: majorListIdSchema
    .nullable()
    .describe('chemicals-2017 or coal-2020; defaults to the list of the enterprise’s sector'),
  majorItem: majorItemSchema.nullable().describe('Item number in the list; required when major'),
  foundOn: pastDate(dateField('Day the danger was found')),
  deadline: plannedDate(dateField('Rectification deadline (not before foundOn)')),
  responsiblePerson: z.string().trim().min(1, 'responsiblePerson is required').max(100),
  location: lngLatSchema,
}

export const hiddenDangerCreate = z
  .object({
    enterpriseId: z.string().uuid('enterpriseId must be a UUID'),
    hazardSourceId: dangerFields.hazardSourceId.optional(),
    title: dangerFields.title,
    description: dangerFields.description.default(''),
    severity: dangerFields.severity,
    majorListId: dangerFields.majorListId.optional(),
    majorItem: dangerFields.majorItem.optional(),
    foundOn: dangerFields.foundOn,
    deadline: dangerFields.deadline,
    responsiblePerson: dangerFields.responsiblePerson,
    location: lngLatSchema.optional().describe('[lng, lat]; defaults to the enterprise’s location'),
  })
  .strict()
  .openapi('HiddenDangerCreate')

export const hiddenDangerUpdate = z
  .object({
    hazardSourceId: dangerFields.hazardSourceId.optional(),
    title: dangerFields.title.optional(),
    description: dangerFields.description.optional(),
    severity: dangerFields.severity.optional(),
    majorListId: dangerFields.majorListId.optional(),
    majorItem: dangerFields.majorItem.optional(),
    foundOn: dangerFields.foundOn.optional(),
    deadline: dangerFields.deadline.optional(),
    responsiblePerson: dangerFields.responsiblePerson.optional(),
    status: dangerStatusSchema
      .optional()
      .describe('open → rectifying → verified → closed; rectifying → open when rejected'),
    location: lngLatSchema.optional(),
    version: versionField,
  })
  .strict()
  .openapi('HiddenDangerUpdate')
export const hiddenDangerRetire = retireBody

export const hiddenDangerDetail = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterprise: z.object({ id: z.string(), name: z.string() }),
    hazardSourceId: z.string().nullable(),
    hazardSource: z
      .object({ id: z.string(), name: z.string(), grade: z.string().nullable() })
      .nullable(),
    title: z.string(),
    description: z.string(),
    severity: severitySchema,
    majorListId: z.string().nullable(),
    majorItem: z.string().nullable(),
    /** The matched item's text (Chinese), from the list in force when recorded. */
    majorItemText: z.string().nullable(),
    foundOn: z.string(),
    deadline: z.string(),
    responsiblePerson: z.string(),
    status: dangerStatusSchema,
    closedAt: z.string().nullable(),
    overdue: z.boolean(),
    location: z.tuple([z.number(), z.number()]),
    ...recordMeta,
  })
  .openapi('HiddenDanger')

/** `a,b,c` of allowed values, as one query parameter. */
export const commaList = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(z.enum(values as unknown as [string, ...string[]])).min(1))
    .openapi({ type: 'string', description: `Comma list of ${name}: ${values.join(', ')}` })

export const hiddenDangerListQuery = baseListQuery.extend({
  severity: severitySchema.optional(),
  status: commaList(dangerStatuses, 'statuses').optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  enterpriseId: z.string().uuid('enterpriseId must be a UUID').optional(),
  hazardSourceId: z.string().uuid('hazardSourceId must be a UUID').optional(),
})

export const hiddenDangerFeatureProperties = z.object({
  title: z.string(),
  severity: severitySchema,
  status: dangerStatusSchema,
  overdue: z.boolean(),
  deadline: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  majorItem: z.string().nullable(),
  retired: z.boolean(),
})

export type HiddenDangerCreate = z.infer<typeof hiddenDangerCreate>
export type HiddenDangerUpdate = z.infer<typeof hiddenDangerUpdate>
export type HiddenDangerDetail = z.infer<typeof hiddenDangerDetail>
export type HiddenDangerFeatureProperties = z.infer<typeof hiddenDangerFeatureProperties>
