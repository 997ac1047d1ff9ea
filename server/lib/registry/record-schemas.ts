import { z } from '@hono/zod-openapi'
import { featureCollectionOf } from '../geo/feature-collection.ts'

/** The version the client last saw; a stale one gets 409. */
export const versionField = z
  .number()
  .int()
  .min(1)
  .openapi({ description: 'Optimistic-concurrency version' })

export const retireBody = z
  .object({
    version: versionField,
    reason: z.string().trim().min(1, 'reason is required').max(500),
  })
  .strict()
  .openapi('RetireBody')

/** Fields every registry record returns alongside its own. */
export const recordMeta = {
  regionCode: z.string(),
  regionName: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  /** Whether the signed-in user may edit this record (role, jurisdiction, not retired). */
  canEdit: z.boolean(),
}

export const idParam = z.object({ id: z.string().uuid('id must be a UUID') })

export { featureCollectionOf }
