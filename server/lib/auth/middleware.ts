import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../context.ts'
import { HttpProblem } from '../problem.ts'
import { sessionCacheOf } from './session-cache.ts'
import { actorForSession, hashToken, SESSION_COOKIE } from './sessions.ts'

/**
 * Every registry route needs a signed-in user; `c.var.actor` carries who and where. A
 * session checked within SESSION_CACHE_MS is answered from this process's memory
 * (session-cache.ts): the session query was one of a PATCH's round trips (#19).
 */
export const requireActor = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  const { sessionIdleMinutes: idle, sessionCacheMs } = c.var.security
  let actor = null
  if (token) {
    const db = c.var.database.db
    const tokenHash = hashToken(token)
    const cache = sessionCacheOf(db)
    actor = sessionCacheMs > 0 ? cache.get(tokenHash, idle) : null
    if (!actor) {
      const checkedAt = performance.now()
      actor = await actorForSession(db, token, idle)
      if (actor) cache.remember(tokenHash, idle, actor, checkedAt, sessionCacheMs)
    }
  }
  if (!actor) throw new HttpProblem(401, 'Unauthorized', 'Sign in first (POST /api/auth/login).')
  c.set('actor', actor)
  await next()
})
