import { z } from '@hono/zod-openapi'

// Length and mix are the password policy's (domain/shared/password-policy.ts), checked in
// the handler with the username; the edge only bounds the size of what it reads.
const password = (name: string) =>
  z
    .string()
    .min(1, `${name} is required`)
    .max(256, `${name} must be at most 256 characters`)
    .openapi({ format: 'password' })

export const userIdParam = z.object({ id: z.string().uuid('id must be a UUID') })

export const passwordResetBody = z
  .object({ newPassword: password('newPassword') })
  .strict()
  .openapi('PasswordResetBody')

export const passwordChangeBody = z
  .object({ currentPassword: password('currentPassword'), newPassword: password('newPassword') })
  .strict()
  .openapi('PasswordChangeBody')

export const passwordSet = z
  .object({
    ok: z.literal(true),
    sessionsRevoked: z
      .number()
      .int()
      .openapi({ description: 'Sessions ended by the change (their event streams end too)' }),
  })
  .openapi('PasswordSet')

export type PasswordResetBody = z.infer<typeof passwordResetBody>
export type PasswordChangeBody = z.infer<typeof passwordChangeBody>
export type PasswordSet = z.infer<typeof passwordSet>
