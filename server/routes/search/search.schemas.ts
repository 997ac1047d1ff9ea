import { z } from '@hono/zod-openapi'

export const searchKinds = ['region', 'enterprise', 'hazard_source', 'resource'] as const

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'q must be 1–50 characters')
    .max(50, 'q must be 1–50 characters')
    .openapi({ example: '西安' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})

export const searchResult = z
  .object({
    kind: z.enum(searchKinds),
    id: z.string(),
    name: z.string(),
    detail: z.string(),
    location: z.tuple([z.number(), z.number()]),
  })
  .openapi('SearchResult')

export const searchResults = z.array(searchResult)

export type SearchKind = (typeof searchKinds)[number]
export type SearchQuery = z.infer<typeof searchQuery>
export type SearchResult = z.infer<typeof searchResult>
