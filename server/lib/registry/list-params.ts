import { z } from '@hono/zod-openapi'
import { bboxQuery } from '../geo/bbox.ts'
import { regionCode } from '../../routes/regions/regions.schemas.ts'

/** Filters every registry list shares; entity modules extend it with their own. */
export const baseListQuery = z.object({
  bbox: bboxQuery.optional(),
  region: regionCode.optional().openapi({ description: 'GB/T 2260 code: this region and below' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Text search (Chinese names)' }),
  includeRetired: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
})

export type BaseListQuery = z.infer<typeof baseListQuery>

/** Without a bbox a list may return at most this many features; above it the client must narrow. */
export const UNBOUNDED_LIST_LIMIT = 5_000
export const DEFAULT_LIST_LIMIT = 20_000
