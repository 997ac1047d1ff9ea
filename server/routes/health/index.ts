import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'drizzle-orm'
import { appliedMigrationCount, postgisVersion } from '../../db/migrate.ts'
import { createRouter } from '../../lib/openapi.ts'

const healthSchema = z
  .object({
    status: z.literal('ok'),
    engine: z.enum(['pglite', 'postgres']),
    postgis: z.string(),
    schemaVersion: z.number().int(),
    uptimeSeconds: z.number(),
    counts: z.record(z.string(), z.number().int()),
  })
  .openapi('Health')

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Engine, PostGIS version, schema version and row counts',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: healthSchema } } },
  },
})

// Tables whose size says whether seeding happened; later registries add theirs here.
const countedTables = [
  'regions',
  'enterprises',
  'hazard_sources',
  'hidden_dangers',
  'resources',
  'incidents',
  'dispatches',
] as const

export const healthRouter = createRouter().openapi(health, async (c) => {
  const { database, startedAt } = c.var
  const counts: Record<string, number> = {}
  for (const table of countedTables) {
    const r = await database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    )
    counts[table] = (r.rows[0] as { n: number }).n
  }
  return c.json(
    {
      status: 'ok' as const,
      engine: database.engine,
      postgis: await postgisVersion(database),
      schemaVersion: await appliedMigrationCount(database),
      uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      counts,
    },
    200,
  )
})
