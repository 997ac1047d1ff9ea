import { createRoute } from '@hono/zod-openapi'
import { jsonBody, jsonResponse, problemResponses } from '../../lib/openapi.ts'
import { throttledResponse } from '../auth/auth.routes.ts'
import { passwordChangeBody, passwordResetBody, passwordSet, userIdParam } from './users.schemas.ts'

export const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/users/{id}/password',
  tags: ['users'],
  summary: "Administrator sets a user's password; all of that user's sessions end",
  description:
    "Role admin only (else 403), for users of agencies within the administrator's " +
    'jurisdiction (else 404: existence is not revealed). The new password must meet the ' +
    'policy: at least 12 characters, not containing the username, at least two kinds of ' +
    'character, not a common password (field errors on `newPassword`). Every session of the ' +
    'user is revoked and their event streams close; failed sign-ins of the account are ' +
    'forgiven. Audited as password_reset.',
  request: { params: userIdParam, body: jsonBody(passwordResetBody) },
  responses: {
    200: jsonResponse('Password set', passwordSet),
    ...problemResponses(400, 401, 403, 404),
  },
})

export const changeOwnPasswordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  tags: ['users'],
  summary: 'Change your own password; your other sessions end',
  description:
    'Needs the current password (a wrong one is a field error on `currentPassword` and counts ' +
    'as a failed sign-in, so a borrowed session cannot guess it) and a new one that meets the ' +
    'password policy and differs from the current. The session making the change stays ' +
    'signed in; every other one is revoked and its event streams close.',
  request: { body: jsonBody(passwordChangeBody) },
  responses: {
    200: jsonResponse('Password changed', passwordSet),
    ...problemResponses(400, 401),
    429: throttledResponse,
  },
})
