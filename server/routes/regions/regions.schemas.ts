import { z } from '@hono/zod-openapi'
import { regionLevels } from '../../db/schema/regions.ts'
import { bboxQuery } from '../../lib/geo/bbox.ts'

export const regionCode = z
  .string()
  .regex(/^\d{6}$/, 'region code must be six digits (GB/T 2260)')
  .openapi({ example: '610100' })

export const regionLevel = z.enum(regionLevels)

export const regionListQuery = z.object({
  level: regionLevel.optional(),
  parent: regionCode.optional(),
  bbox: bboxQuery.optional(),
  // Chooses the display simplification: the map passes its zoom.
  zoom: z.coerce.number().min(0).max(24).optional(),
})

const position = z.array(z.number())
const multiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(position))),
})

export const regionRef = z.object({ code: z.string(), name: z.string(), level: regionLevel })

export const regionFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: regionRef.extend({
    parentCode: z.string().nullable(),
    labelLng: z.number(),
    labelLat: z.number(),
  }),
  geometry: multiPolygon,
})

export const regionCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(regionFeature) })
  .openapi('RegionCollection')

export const regionDetail = z
  .object({
    code: z.string(),
    name: z.string(),
    level: regionLevel,
    parentCode: z.string().nullable(),
    /** From the national root down to the direct parent. */
    parents: z.array(regionRef),
    areaKm2: z.number(),
    labelPoint: z.tuple([z.number(), z.number()]),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    childrenCount: z.number().int(),
    children: z.array(regionRef),
    source: z.string(),
    sourceCrs: z.string(),
  })
  .openapi('RegionDetail')

export type RegionCollection = z.infer<typeof regionCollection>
export type RegionFeature = z.infer<typeof regionFeature>
export type RegionDetail = z.infer<typeof regionDetail>
export type RegionRef = z.infer<typeof regionRef>
