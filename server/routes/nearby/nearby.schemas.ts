import { z } from '@hono/zod-openapi'
import { hazardGradeSchema } from '../../domain/registry/gb18218-tables.ts'
import { resourceKindSchema, resourceStatusSchema } from '../resources/resources.schemas.ts'

/** The widest circle a query may ask for: a county and its neighbours, not a province. */
export const MAX_NEARBY_RADIUS_KM = 100

const coordinate = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .min(min, `${name} must be between ${min} and ${max}`)
    .max(max, `${name} must be between ${min} and ${max}`)

export const nearbyQuery = z.object({
  lng: coordinate('lng', -180, 180).openapi({ example: 108.9402, description: 'WGS84 longitude' }),
  lat: coordinate('lat', -90, 90).openapi({ example: 34.2612, description: 'WGS84 latitude' }),
  radiusKm: z.coerce
    .number({ error: 'radiusKm must be a number' })
    .positive('radiusKm must be more than 0')
    .max(MAX_NEARBY_RADIUS_KM, `radiusKm must be at most ${MAX_NEARBY_RADIUS_KM}`)
    .openapi({ example: 5, description: `Radius in km, (0, ${MAX_NEARBY_RADIUS_KM}]` }),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})

export const nearbyKinds = ['hazard_source', 'resource'] as const

export const nearbyItem = z
  .object({
    kind: z.enum(nearbyKinds),
    id: z.string(),
    name: z.string(),
    /** Hazard sources: the GB 18218 grade (null below S = 1); resources: null. */
    grade: hazardGradeSchema.nullable(),
    /** Resources: their kind and status; hazard sources: null. */
    resourceKind: resourceKindSchema.nullable(),
    status: resourceStatusSchema.nullable(),
    regionCode: z.string(),
    location: z.tuple([z.number(), z.number()]),
    distanceM: z.number().openapi({ description: 'Geodesic distance on the WGS84 spheroid, m' }),
  })
  .openapi('NearbyItem')

export const nearbyResult = z
  .object({
    center: z.tuple([z.number(), z.number()]),
    radiusKm: z.number(),
    /** Nearest first; at most `limit`. */
    items: z.array(nearbyItem),
    truncated: z.boolean(),
  })
  .openapi('NearbyResult')

export type NearbyQuery = z.infer<typeof nearbyQuery>
export type NearbyQueryInput = z.input<typeof nearbyQuery>
export type NearbyItem = z.infer<typeof nearbyItem>
export type NearbyResult = z.infer<typeof nearbyResult>
