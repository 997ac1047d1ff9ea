import { createRoute, z } from '@hono/zod-openapi'
import { problemResponses } from '../../lib/openapi.ts'
import { loginBody, me } from './auth.schemas.ts'

export const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets an httpOnly, SameSite=Strict session cookie',
  request: { body: { content: { 'application/json': { schema: loginBody } }, required: true } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: me } } },
    ...problemResponses(400, 401),
  },
})

export const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: the session is revoked on the server',
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
