import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../context.ts'
import { HttpProblem } from '../problem.ts'
import { actorForSession, SESSION_COOKIE } from './sessions.ts'

/** Every registry route needs a signed-in user; `c.var.actor` carries who and where. */
export const requireActor = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  const idle = c.var.security.sessionIdleMinutes
  const actor = token ? await actorForSession(c.var.database.db, token, idle) : null
  if (!actor) throw new HttpProblem(401, 'Unauthorized', 'Sign in first (POST /api/auth/login).')
  c.set('actor', actor)
  await next()
})
