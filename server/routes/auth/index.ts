import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { canWriteRegistry } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { clientAddress } from '../../lib/auth/client-address.ts'
import {
  clearAccountFailures,
  loginWait,
  recordLoginFailure,
  tooManyAttempts,
} from '../../lib/auth/login-throttle.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../lib/auth/password.ts'
import {
  createSession,
  findUserForLogin,
  hashToken,
  revokeSession,
  SESSION_COOKIE,
  SESSION_HOURS,
} from '../../lib/auth/sessions.ts'
import { recordAudit } from '../../lib/audit.ts'
import type { AppEnv } from '../../lib/context.ts'
import { isHttps } from '../../lib/http/request-origin.ts'
import { createRouter } from '../../lib/openapi.ts'
import { sessionCacheOf } from '../../lib/auth/session-cache.ts'
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

/**
 * After a session's revocation has committed: this process forgets it (the next request
 * asks the database) and ends its streams at once; other processes notice within
 * SESSION_CACHE_MS for requests and one re-check for streams.
 */
export function endStreamsOf(c: Context<AppEnv>, tokenHash: string): void {
  sessionCacheOf(c.var.database.db).forgetSession(tokenHash)
  c.var.events.endSessions((s) => s.tokenHash === tokenHash)
}

export const authRouter = createRouter()
  .openapi(login, async (c) => {
    const { username, password } = c.req.valid('json')
    const db = c.var.database.db
    const keys = { account: username, address: clientAddress(c) }
    const setHeader = (name: string, value: string) => c.header(name, value)
    // A waiting attempt is refused before the password is looked at: the answer must not
    // tell a right guess from a wrong one, and refusing costs no scrypt.
    const wait = await loginWait(db, keys)
    if (wait > 0) throw tooManyAttempts(setHeader, wait)

    const user = await findUserForLogin(db, username)
    // Same answer and similar time for an unknown user and a wrong password.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH)
    if (!user || !ok) {
      const waitNow = await db.transaction(async (tx) => {
        const w = await recordLoginFailure(tx, keys)
        await recordAudit(tx, user ?? { id: null, username, agencyId: null }, {
          entity: 'user',
          entityId: user?.id ?? username,
          action: 'login_failed',
          // In the user's agency's region, so the audit view of that jurisdiction shows it.
          regionCode: user?.regionCode ?? null,
          after: {
            reason: user ? 'wrong_password' : 'unknown_or_inactive_user',
            address: keys.address,
          },
        })
        return w
      })
      // The failure that starts a wait says so at once, so the form can count down.
      if (waitNow > 0) throw tooManyAttempts(setHeader, waitNow)
      throw new HttpProblem(401, 'Unauthorized', 'Wrong username or password.')
    }

    // Rotation: whatever session this browser held before is over, never reused.
    const previous = getCookie(c, SESSION_COOKIE)
    const token = await db.transaction(async (tx) => {
      if (previous) await revokeSession(tx, previous)
      await clearAccountFailures(tx, username)
      const t = await createSession(tx, user.id)
      await recordAudit(tx, user, { entity: 'user', entityId: user.id, action: 'login' })
      return t
    })
    if (previous) endStreamsOf(c, hashToken(previous))
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c),
      maxAge: SESSION_HOURS * 3600,
    })
    return c.json(meOf(user), 200)
  })
  .openapi(logout, async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      await revokeSession(c.var.database.db, token)
      endStreamsOf(c, hashToken(token))
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) })
    return c.json({ ok: true }, 200)
  })

export const meRouter = createRouter()
meRouter.use('/me', requireActor)
meRouter.openapi(getMe, (c) => c.json(meOf(c.var.actor), 200))
