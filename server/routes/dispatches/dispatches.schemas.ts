import { z } from '@hono/zod-openapi'
import { dispatchStatuses } from '../../db/schema/incidents.ts'
import { dispatchSummary } from '../incidents/incidents.schemas.ts'

export const recommendationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
})

export const recommendation = z
  .object({
    resourceId: z.string(),
    name: z.string(),
    kind: z.string(),
    category: z.string(),
    regionCode: z.string(),
    location: z.tuple([z.number(), z.number()]),
    distanceKm: z.number().openapi({ description: 'Great-circle distance' }),
    etaMinutes: z.number().openapi({ description: 'km × road detour ÷ kind speed' }),
    fitness: z.number().openapi({ description: '0.1..1, from the incident type table' }),
    reason: z.string(),
  })
  .openapi('DispatchRecommendation')

export const recommendationList = z
  .object({
    incidentId: z.string(),
    considered: z.number().int().openapi({ description: 'Nearest candidates scored (KNN)' }),
    candidates: z.array(recommendation),
  })
  .openapi('DispatchRecommendations')

export const dispatchCreate = z
  .object({
    resourceIds: z
      .array(z.string().uuid('each resource id must be a UUID'))
      .min(1, 'resourceIds needs at least one resource')
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, {
        message: 'resourceIds must not repeat a resource',
      }),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .openapi('DispatchCreate')

export const dispatchStatusSchema = z.enum(dispatchStatuses)

export const dispatchStatusBody = z
  .object({ status: dispatchStatusSchema })
  .strict()
  .openapi('DispatchStatusChange')

export const dispatchDetail = dispatchSummary
  .extend({ incidentId: z.string(), version: z.number().int() })
  .openapi('Dispatch')

export const dispatchCreated = z
  .object({ dispatches: z.array(dispatchDetail) })
  .openapi('DispatchesCreated')

export type Recommendation = z.infer<typeof recommendation>
export type DispatchDetail = z.infer<typeof dispatchDetail>
