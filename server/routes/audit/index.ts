import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'drizzle-orm'
import { requireActor } from '../../lib/auth/middleware.ts'
import { createRouter, problemResponses } from '../../lib/openapi.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { inScope } from '../../lib/registry/scope.ts'

export const auditEntities = [
  'enterprise',
  'hazard_source',
  'hidden_danger',
  'resource',
  'user',
  'incident',
  'reporting_obligation',
  'dispatch',
  'duty_shift',
  'duty_log',
] as const

export const auditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    username: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry')

const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'History of one record: who changed what, when, before and after',
  request: {
    query: z.object({
      entity: z.enum(auditEntities),
      id: z.string().uuid('id must be a UUID'),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: {
      description: 'Newest first',
      content: { 'application/json': { schema: z.array(auditEntry) } },
    },
    ...problemResponses(400, 401),
  },
})

export type AuditEntry = z.infer<typeof auditEntry>

export const auditRouter = createRouter()
auditRouter.use('/audit', requireActor)
auditRouter.openapi(auditRoute, async (c) => {
  const { entity, id, limit } = c.req.valid('query')
  const actor = c.var.actor
  // A record's history is visible where the record is (its region at the time of each entry).
  const result = await c.var.database.db.execute(sql`
    select a.id::int as id, ${isoSql(sql`a.at`)} as at, a.username, a.action, a.before, a.after
    from audit_log a
    where a.entity = ${entity} and a.entity_id = ${id} and ${inScope(actor, sql`coalesce(a.region_code, '')`)}
    order by a.at desc, a.id desc limit ${limit}`)
  return c.json(result.rows as AuditEntry[], 200)
})
