import { z } from '@hono/zod-openapi'
import { unitKinds } from '../../db/schema/hazard-sources.ts'
import { assessInputSchema } from '../../domain/registry/gb18218-schema.ts'
import {
  hazardCategorySchema,
  hazardGrades,
  hazardGradeSchema,
} from '../../domain/registry/gb18218-tables.ts'
import { baseListQuery } from '../../lib/registry/list-params.ts'
import { lngLatSchema } from '../../lib/registry/location.ts'
import { recordMeta, retireBody, versionField } from '../../lib/registry/record-schemas.ts'

// The domain schemas are plain zod (no `.openapi()`): they are composed here and described
// with `.describe()`; the route objects around them carry the OpenAPI names.
export const unitKindSchema = z.enum(unitKinds)

const substances = assessInputSchema.shape.substances.describe(
  'Substances present in the unit, each with its maximum quantity q in tonnes',
)
const peopleWithin500m = assessInputSchema.shape.peopleWithin500m.describe(
  'People living within 500 m of the unit boundary (GB 18218 Table 5, α)',
)

export const assessBody = z.object({ substances, peopleWithin500m }).strict().openapi('AssessInput')

export const assessmentTerm = z
  .object({
    index: z.number().int(),
    name: z.string(),
    matched: z.enum(['table1', 'category']),
    matchedBy: z.enum(['name', 'alias', 'cas', 'category']),
    matchedName: z.string().nullable(),
    table1Row: z.number().int().nullable(),
    category: hazardCategorySchema.nullable(),
    Q: z.number().openapi({ description: 'Threshold quantity, tonnes' }),
    q: z.number().openapi({ description: 'Quantity present, tonnes' }),
    ratio: z.number(),
    beta: z.number(),
    betaSource: z.enum(['table3', 'table4', 'default']),
    casConflict: z.boolean(),
  })
  .openapi('AssessmentTerm')

/** The GB 18218-2018 result: S = Σq/Q, R = α·Σβq/Q, grade null below S = 1. */
export const assessmentResult = z
  .object({
    S: z.number(),
    R: z.number(),
    alpha: z.number(),
    terms: z.array(assessmentTerm),
    grade: hazardGradeSchema.nullable(),
    isMajor: z.boolean(),
  })
  .openapi('HazardAssessment')

const sourceFields = {
  enterpriseId: z.string().uuid('enterpriseId must be a UUID'),
  name: z.string().trim().min(1, 'name is required').max(200),
  unitKind: unitKindSchema,
  location: lngLatSchema,
  substances,
  peopleWithin500m,
}

export const hazardSourceCreate = z.object(sourceFields).strict().openapi('HazardSourceCreate')

export const hazardSourceUpdate = z
  .object({
    enterpriseId: sourceFields.enterpriseId.optional(),
    name: sourceFields.name.optional(),
    unitKind: unitKindSchema.optional(),
    location: lngLatSchema.optional(),
    substances: substances.optional(),
    peopleWithin500m: peopleWithin500m.optional(),
    version: versionField,
  })
  .strict()
  .openapi('HazardSourceUpdate')

export const hazardSourceRetire = retireBody

export const storedSubstance = z.object({
  name: z.string(),
  cas: z.string().optional(),
  category: z.string().optional(),
  quantityTonnes: z.number(),
})

export const hazardSourceDetail = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    name: z.string(),
    unitKind: unitKindSchema,
    location: z.tuple([z.number(), z.number()]),
    substances: z.array(storedSubstance),
    peopleWithin500m: z.number().int(),
    s: z.number(),
    r: z.number(),
    alpha: z.number(),
    grade: hazardGradeSchema.nullable(),
    isMajor: z.boolean(),
    assessment: assessmentResult,
    ...recordMeta,
    enterprise: z.object({ id: z.string(), name: z.string() }),
    hiddenDangers: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        severity: z.string(),
        status: z.string(),
        overdue: z.boolean(),
      }),
    ),
  })
  .openapi('HazardSource')

/** The grade filter's word for units below S = 1 (no GB 18218 grade). */
export const UNGRADED = '未定级'
export const gradeFilterValues = [...hazardGrades, UNGRADED] as const
export type GradeFilterValue = (typeof gradeFilterValues)[number]

/** `grade=一级,二级`: one grade or several, comma-separated; 未定级 selects ungraded units. */
const gradeList = z
  .string()
  .transform((raw, ctx): GradeFilterValue[] => {
    const parts = raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
    const bad = parts.filter((p) => !(gradeFilterValues as readonly string[]).includes(p))
    if (parts.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `grade must be one or more of ${gradeFilterValues.join(', ')}, comma-separated`,
      })
      return z.NEVER
    }
    return parts as GradeFilterValue[]
  })
  .openapi({ example: '一级,二级', description: '一级..四级 or 未定级, comma-separated' })

export const hazardSourceListQuery = baseListQuery.extend({
  grade: gradeList.optional(),
  isMajor: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  enterpriseId: z.string().uuid('enterpriseId must be a UUID').optional(),
})

export const hazardSourceFeatureProperties = z.object({
  name: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  unitKind: unitKindSchema,
  grade: hazardGradeSchema.nullable(),
  isMajor: z.boolean(),
  s: z.number(),
  r: z.number(),
  regionCode: z.string(),
  retired: z.boolean(),
})

export type AssessBody = z.infer<typeof assessBody>
export type AssessmentResult = z.infer<typeof assessmentResult>
export type HazardSourceCreate = z.infer<typeof hazardSourceCreate>
export type HazardSourceUpdate = z.infer<typeof hazardSourceUpdate>
export type HazardSourceDetail = z.infer<typeof hazardSourceDetail>
export type HazardSourceListQuery = z.infer<typeof hazardSourceListQuery>
export type HazardSourceFeatureProperties = z.infer<typeof hazardSourceFeatureProperties>
