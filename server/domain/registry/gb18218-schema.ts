/**
 * zod schemas for the GB 18218 assessment input, for the API to validate requests with and to
 * derive its OpenAPI document from. The domain function re-checks what it relies on (it is also
 * called without the API, e.g. by the demo-data generator), so these are the first line, not
 * the only one.
 */
import { z } from 'zod'
import { MAX_TONNES, personCount } from '../shared/bounds'
import { casSchema } from './cas'
import { hazardCategorySchema } from './gb18218-tables'

export const substanceInputSchema = z
  .object({
    /** Name as the enterprise writes it; matched against Table 1 names and aliases. */
    name: z.string().trim().min(1, 'name is required').max(200),
    /** Optional CAS number; used when the name is not recognised. */
    cas: casSchema.optional(),
    /**
     * GB 18218 Table 2 category. Required when the substance is not in Table 1/Table 3 (it then
     * supplies Q); for a Table 1 substance it only selects β from Table 4.
     */
    category: hazardCategorySchema.optional(),
    /** Maximum quantity present in the unit (q, 最大存在量), tonnes. */
    quantityTonnes: z
      .number()
      .min(0, 'quantityTonnes must be ≥ 0')
      .max(MAX_TONNES, `quantityTonnes must be at most ${MAX_TONNES}`),
  })
  .strict()

export const assessInputSchema = z.object({
  substances: z.array(substanceInputSchema).min(1, 'at least one substance').max(500),
  /** People living within 500 m of the unit's boundary (Table 5). */
  peopleWithin500m: personCount('peopleWithin500m'),
})

export type SubstanceInput = z.infer<typeof substanceInputSchema>
export type AssessInput = z.infer<typeof assessInputSchema>
