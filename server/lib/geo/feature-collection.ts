import { z } from '@hono/zod-openapi'

export const pointGeometry = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number(), z.number()]),
})

/** A GeoJSON FeatureCollection of points with typed properties, plus the list's foreign members. */
export function featureCollectionOf<P extends z.ZodTypeAny>(properties: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({ type: z.literal('Feature'), id: z.string(), geometry: pointGeometry, properties }),
    ),
    truncated: z.boolean(),
    limit: z.number().int(),
  })
}
