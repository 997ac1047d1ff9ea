/**
 * Stable machine codes of problem+json field errors. The `message` stays English for API
 * users and logs; clients show their own text for the code (web/src/i18n/field-error.ts),
 * with `params` filled in. Adding a code is fine; renaming one breaks clients.
 */
export const fieldErrorCodes = [
  // Input shape (zod at the edge)
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'unknown_field',
  'invalid',
  // Domain rules (a zod refine names one in `params.code`)
  'in_future',
  'too_early',
  'too_far_ahead',
  'too_long',
  'end_before_start',
  'outside_regions',
  'not_in_jurisdiction',
  'retired',
  'closed',
  'not_available',
  'taken',
  'duplicate',
  'bad_transition',
  'window_closed',
  'stale',
  // Passwords (domain/shared/password-policy.ts and the password routes)
  'password_too_short',
  'password_has_username',
  'password_one_kind',
  'password_common',
  'password_unchanged',
  'password_incorrect',
] as const
export type FieldErrorCode = (typeof fieldErrorCodes)[number]

/** Values the message of a code needs: bounds, the expected format, allowed values. */
export type FieldErrorParams = Record<string, string | number>
