import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { canWriteRegistry } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { verifyPassword } from '../../lib/auth/password.ts'
import {
  createSession,
  findUserForLogin,
  revokeSession,
  SESSION_COOKIE,
  SESSION_HOURS,
} from '../../lib/auth/sessions.ts'
import { recordAudit } from '../../lib/audit.ts'
import type { AppEnv } from '../../lib/context.ts'
import { createRouter } from '../../lib/openapi.ts'
import { HttpProblem } from '../../lib/problem.ts'
import { getMe, login, logout } from './auth.routes.ts'
import type { Me } from './auth.schemas.ts'

export const meOf = (a: Actor): Me => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  agency: {
    id: a.agencyId,
    name: a.agencyName,
    level: a.agencyLevel,
    regionCode: a.regionCode,
    regionName: a.regionName,
  },
  canWrite: canWriteRegistry(a.role),
})

const secure = (c: Context<AppEnv>) => new URL(c.req.url).protocol === 'https:'

export const authRouter = createRouter()
  .openapi(login, async (c) => {
    const { username, password } = c.req.valid('json')
    const db = c.var.database.db
    const user = await findUserForLogin(db, username)
    // Same answer and similar time for an unknown user and a wrong password.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAA$AAAA')
    if (!user || !ok) throw new HttpProblem(401, 'Unauthorized', 'Wrong username or password.')
    const token = await db.transaction(async (tx) => {
      const t = await createSession(tx, user.id)
      await recordAudit(tx, user, { entity: 'user', entityId: user.id, action: 'login' })
      return t
    })
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: secure(c),
      maxAge: SESSION_HOURS * 3600,
    })
    return c.json(meOf(user), 200)
  })
  .openapi(logout, async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await revokeSession(c.var.database.db, token)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.json({ ok: true }, 200)
  })

export const meRouter = createRouter()
meRouter.use('/me', requireActor)
meRouter.openapi(getMe, (c) => c.json(meOf(c.var.actor), 200))
