import { getCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { passwordPolicyIssues } from '../../domain/shared/password-policy.ts'
import { clientAddress } from '../../lib/auth/client-address.ts'
import {
  clearAccountFailures,
  loginWait,
  recordLoginFailure,
  tooManyAttempts,
} from '../../lib/auth/login-throttle.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../lib/auth/password.ts'
import { sessionCacheOf } from '../../lib/auth/session-cache.ts'
import { hashToken, revokeUserSessions, SESSION_COOKIE } from '../../lib/auth/sessions.ts'
import { recordAudit } from '../../lib/audit.ts'
import type { AppEnv } from '../../lib/context.ts'
import { createRouter } from '../../lib/openapi.ts'
import { badRequest, HttpProblem, notFound, type FieldError } from '../../lib/problem.ts'
import { findUserInScope, passwordHashOf, setPasswordHash } from './users.queries.ts'
import { changeOwnPasswordRoute, resetPasswordRoute } from './users.routes.ts'

/** The policy's complaints about `password` as field errors on `newPassword`. */
const policyErrors = (password: string, username: string): FieldError[] =>
  passwordPolicyIssues(password, { username }).map((issue) => ({
    field: 'newPassword',
    ...issue,
  }))

/** The session making the request (requireActor has found it, so the cookie is there). */
const ownTokenHash = (c: Context<AppEnv>) => hashToken(getCookie(c, SESSION_COOKIE) ?? '')

export const usersRouter = createRouter()
usersRouter.use('/users/*', requireActor)
usersRouter.use('/me/password', requireActor)

usersRouter
  .openapi(resetPasswordRoute, async (c) => {
    const actor = c.var.actor
    // The role first, before anything about the user is looked up: a non-admin learns nothing.
    if (actor.role !== 'admin') {
      throw new HttpProblem(403, 'Forbidden', "Only an administrator sets another user's password.")
    }
    const { id } = c.req.valid('param')
    const { newPassword } = c.req.valid('json')
    const db = c.var.database.db
    const target = await findUserInScope(db, id, actor.scopePrefix)
    if (!target) throw notFound('No user with this id in your jurisdiction.')
    const errors = policyErrors(newPassword, target.username)
    if (errors.length > 0) throw badRequest(errors, 'The new password does not meet the policy.')

    const hash = await hashPassword(newPassword)
    const sessionsRevoked = await db.transaction(async (tx) => {
      await setPasswordHash(tx, target.id, hash)
      const n = await revokeUserSessions(tx, target.id)
      // The reset is usually for someone locked out: let them in with the new password now.
      await clearAccountFailures(tx, target.username)
      await recordAudit(tx, actor, {
        entity: 'user',
        entityId: target.id,
        action: 'password_reset',
        regionCode: target.regionCode,
        after: { sessionsRevoked: n },
      })
      return n
    })
    sessionCacheOf(db).forgetUser(target.id)
    c.var.events.endSessions((s) => s.userId === target.id)
    return c.json({ ok: true as const, sessionsRevoked }, 200)
  })
  .openapi(changeOwnPasswordRoute, async (c) => {
    const actor = c.var.actor
    const { currentPassword, newPassword } = c.req.valid('json')
    const db = c.var.database.db
    const keys = { account: actor.username, address: clientAddress(c) }
    const setHeader = (name: string, value: string) => c.header(name, value)
    // The current password is a sign-in secret: guessing it here waits like signing in.
    const wait = await loginWait(db, keys)
    if (wait > 0) throw tooManyAttempts(setHeader, wait)

    const stored = await passwordHashOf(db, actor.id)
    const currentOk = await verifyPassword(currentPassword, stored ?? DUMMY_PASSWORD_HASH)
    const errors = policyErrors(newPassword, actor.username)
    if (currentOk && newPassword === currentPassword) {
      errors.push({
        field: 'newPassword',
        code: 'password_unchanged',
        message: 'The new password must differ from the current one.',
      })
    }
    if (!currentOk) {
      const waitNow = await db.transaction(async (tx) => {
        const w = await recordLoginFailure(tx, keys)
        await recordAudit(tx, actor, {
          entity: 'user',
          entityId: actor.id,
          action: 'password_change_failed',
          regionCode: actor.regionCode,
          after: { reason: 'wrong_current_password', address: keys.address },
        })
        return w
      })
      if (waitNow > 0) throw tooManyAttempts(setHeader, waitNow)
      errors.unshift({
        field: 'currentPassword',
        code: 'password_incorrect',
        message: 'The current password is not correct.',
      })
    }
    if (errors.length > 0) throw badRequest(errors, 'The password was not changed.')

    const hash = await hashPassword(newPassword)
    const own = ownTokenHash(c)
    const sessionsRevoked = await db.transaction(async (tx) => {
      await setPasswordHash(tx, actor.id, hash)
      const n = await revokeUserSessions(tx, actor.id, own)
      await clearAccountFailures(tx, actor.username)
      await recordAudit(tx, actor, {
        entity: 'user',
        entityId: actor.id,
        action: 'password_change',
        regionCode: actor.regionCode,
        after: { sessionsRevoked: n },
      })
      return n
    })
    sessionCacheOf(db).forgetUser(actor.id)
    c.var.events.endSessions((s) => s.userId === actor.id && s.tokenHash !== own)
    return c.json({ ok: true as const, sessionsRevoked }, 200)
  })
