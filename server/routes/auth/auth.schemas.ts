import { z } from '@hono/zod-openapi'
import { roles } from '../../db/schema/accounts.ts'
import { regionLevels } from '../../db/schema/regions.ts'

export const loginBody = z
  .object({
    username: z.string().trim().min(1, 'username is required').max(64),
    password: z.string().min(1, 'password is required').max(256),
  })
  .strict()
  .openapi('LoginBody')

export const me = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    agency: z.object({
      id: z.string(),
      name: z.string(),
      level: z.enum(regionLevels),
      regionCode: z.string(),
      regionName: z.string(),
    }),
    canWrite: z.boolean(),
  })
  .openapi('Me')

export type Me = z.infer<typeof me>
