import { z } from '@hono/zod-openapi'
import { resourceKinds, resourceStatuses } from '../../db/schema/resources.ts'
import { baseListQuery } from '../../lib/registry/list-params.ts'
import { lngLatSchema } from '../../lib/registry/location.ts'
import { recordMeta, retireBody, versionField } from '../../lib/registry/record-schemas.ts'

export const resourceKindSchema = z.enum(resourceKinds)
export const resourceStatusSchema = z.enum(resourceStatuses)

export const inventoryLine = z
  .object({
    item: z.string().trim().min(1, 'item is required').max(100),
    quantity: z
      .number()
      .finite()
      .min(0, 'quantity must be 0 or more')
      .max(1e12, 'quantity must be at most 10^12'),
    unit: z.string().trim().min(1, 'unit is required').max(20),
  })
  .strict()
  .openapi('InventoryLine', { example: { item: '防化服', quantity: 40, unit: '套' } })

const count = (what: string) =>
  z.number().int(`${what} must be a whole number`).min(0, `${what} must be 0 or more`)

const resourceFields = {
  kind: resourceKindSchema.describe(
    'team 救援队伍 · warehouse 物资储备库 · equipment 装备 · expert 专家 · shelter 避难场所 · medical 医疗点',
  ),
  name: z.string().trim().min(1, 'name is required').max(200),
  category: z
    .string()
    .trim()
    .min(1, 'category is required')
    .max(100)
    .describe('e.g. 危化品救援队, 矿山救护队, 消防救援队, 医疗救护队, 综合物资库'),
  capabilities: z.array(z.string().trim().min(1).max(100)).max(50),
  inventory: z.array(inventoryLine).max(1000).describe('Warehouses only'),
  capacity: count('capacity').max(10_000_000).nullable().describe('People; required for shelters'),
  headcount: count('headcount').max(1_000_000).nullable(),
  contactName: z.string().trim().max(100),
  contactPhone: z.string().trim().max(50),
  status: resourceStatusSchema,
  location: lngLatSchema,
}

export const resourceCreate = z
  .object({
    kind: resourceFields.kind,
    name: resourceFields.name,
    category: resourceFields.category,
    capabilities: resourceFields.capabilities.default([]),
    inventory: resourceFields.inventory.default([]),
    capacity: resourceFields.capacity.default(null),
    headcount: resourceFields.headcount.default(null),
    contactName: resourceFields.contactName.default(''),
    contactPhone: resourceFields.contactPhone.default(''),
    status: resourceFields.status.default('available'),
    location: resourceFields.location,
  })
  .strict()
  .openapi('ResourceCreate')

export const resourceUpdate = z
  .object({
    kind: resourceFields.kind.optional(),
    name: resourceFields.name.optional(),
    category: resourceFields.category.optional(),
    capabilities: resourceFields.capabilities.optional(),
    inventory: resourceFields.inventory.optional(),
    capacity: resourceFields.capacity.optional(),
    headcount: resourceFields.headcount.optional(),
    contactName: resourceFields.contactName.optional(),
    contactPhone: resourceFields.contactPhone.optional(),
    status: resourceFields.status.optional(),
    location: resourceFields.location.optional(),
    version: versionField,
  })
  .strict()
  .openapi('ResourceUpdate')
export const resourceRetire = retireBody

export const resourceDetail = z
  .object({
    id: z.string(),
    kind: resourceKindSchema,
    name: z.string(),
    category: z.string(),
    capabilities: z.array(z.string()),
    inventory: z.array(inventoryLine),
    capacity: z.number().int().nullable(),
    headcount: z.number().int().nullable(),
    contactName: z.string(),
    contactPhone: z.string(),
    status: resourceStatusSchema,
    location: z.tuple([z.number(), z.number()]),
    ...recordMeta,
  })
  .openapi('Resource')

/** `a,b,c` of allowed values, as one query parameter. */
const commaList = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(z.enum(values as unknown as [string, ...string[]])).min(1))
    .openapi({ type: 'string', description: `Comma list of ${name}: ${values.join(', ')}` })

export const resourceListQuery = baseListQuery.extend({
  kind: commaList(resourceKinds, 'kinds').optional(),
  status: resourceStatusSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
})

export const resourceFeatureProperties = z.object({
  name: z.string(),
  kind: resourceKindSchema,
  category: z.string(),
  status: resourceStatusSchema,
  capacity: z.number().int().nullable(),
  regionCode: z.string(),
  retired: z.boolean(),
})

export type ResourceCreate = z.infer<typeof resourceCreate>
export type ResourceUpdate = z.infer<typeof resourceUpdate>
export type ResourceDetail = z.infer<typeof resourceDetail>
export type ResourceFeatureProperties = z.infer<typeof resourceFeatureProperties>
