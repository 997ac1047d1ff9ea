import { z } from '@hono/zod-openapi'
import { industries } from '../../db/schema/enterprises.ts'
import { usccSchema } from '../../domain/registry/uscc.ts'
import { baseListQuery } from '../../lib/registry/list-params.ts'
import { lngLatSchema } from '../../lib/registry/location.ts'
import { recordMeta, retireBody, versionField } from '../../lib/registry/record-schemas.ts'

export const industrySchema = z.enum(industries)

const enterpriseFields = {
  name: z.string().trim().min(1, 'name is required').max(200),
  uscc: usccSchema.describe('统一社会信用代码 (GB 32100-2015)'),
  industry: industrySchema,
  address: z.string().trim().max(300).default(''),
  location: lngLatSchema,
  employees: z.number().int('employees must be a whole number').min(0).max(1_000_000).default(0),
  contactName: z.string().trim().max(100).default(''),
  contactPhone: z.string().trim().max(50).default(''),
}

export const enterpriseCreate = z.object(enterpriseFields).strict().openapi('EnterpriseCreate')
export const enterpriseUpdate = z
  .object({
    name: enterpriseFields.name.optional(),
    uscc: enterpriseFields.uscc.optional(),
    industry: industrySchema.optional(),
    address: z.string().trim().max(300).optional(),
    location: lngLatSchema.optional(),
    employees: z.number().int().min(0).max(1_000_000).optional(),
    contactName: z.string().trim().max(100).optional(),
    contactPhone: z.string().trim().max(50).optional(),
    version: versionField,
  })
  .strict()
  .openapi('EnterpriseUpdate')
export const enterpriseRetire = retireBody

export const enterpriseBatch = z
  .object({ enterprises: z.array(enterpriseCreate).min(1).max(1000) })
  .strict()
  .openapi('EnterpriseBatch')

export const enterpriseRef = z.object({ id: z.string(), name: z.string() })

export const enterpriseDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    uscc: z.string(),
    industry: industrySchema,
    address: z.string(),
    location: z.tuple([z.number(), z.number()]),
    employees: z.number().int(),
    contactName: z.string(),
    contactPhone: z.string(),
    ...recordMeta,
    hazardSources: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        grade: z.string().nullable(),
        isMajor: z.boolean(),
      }),
    ),
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
  .openapi('Enterprise')

export const enterpriseListQuery = baseListQuery.extend({
  industry: industrySchema.optional(),
})

export const enterpriseFeatureProperties = z.object({
  name: z.string(),
  industry: industrySchema,
  uscc: z.string(),
  regionCode: z.string(),
  employees: z.number(),
  retired: z.boolean(),
})

export type EnterpriseCreate = z.infer<typeof enterpriseCreate>
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdate>
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>
export type EnterpriseFeatureProperties = z.infer<typeof enterpriseFeatureProperties>
