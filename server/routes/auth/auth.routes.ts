import { createRoute, z } from '@hono/zod-openapi'
import { problemResponses, problemSchema } from '../../lib/openapi.ts'
import { loginBody, me } from './auth.schemas.ts'

/** 429 of a sign-in (or a password check) while failed attempts make it wait. */
export const throttledProblem = problemSchema
  .extend({
    retryAfterSeconds: z
      .number()
      .int()
      .openapi({ description: 'Seconds to wait before the next attempt (as in Retry-After)' }),
  })
  .openapi('ThrottledProblem')

/** The 429 answer as routes list it: the problem body and its Retry-After header. */
export const throttledResponse = {
  description:
    'Too many failed attempts for this account or client address: wait `Retry-After` ' +
    'seconds (an account has 5 free failures, an address 20, then 1 s, 2 s, 4 s … up to ' +
    '15 min). While waiting even the right password is refused.',
  headers: z.object({ 'Retry-After': z.string().openapi({ description: 'Seconds to wait' }) }),
  content: { 'application/problem+json': { schema: throttledProblem } },
}

export const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets an httpOnly, SameSite=Strict session cookie',
  description:
    'A new session every time: a session cookie sent along is revoked (rotation). The ' +
    'session ends 12 h after sign-in or after SESSION_IDLE_MINUTES (default 120) unused. ' +
    'The cookie is Secure when the client is on https (directly, or via a trusted proxy).',
  request: { body: { content: { 'application/json': { schema: loginBody } }, required: true } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: me } } },
    ...problemResponses(400, 401),
    429: throttledResponse,
  },
})

export const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: the session is revoked on the server and its event streams end',
  responses: {
    200: {
      description: 'Signed out',
      content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } },
    },
  },
})

export const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'Who am I: user, role, agency and jurisdiction',
  responses: {
    200: { description: 'The signed-in user', content: { 'application/json': { schema: me } } },
    ...problemResponses(401),
  },
})
