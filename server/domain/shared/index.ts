/**
 * What every capability shares: typed domain errors, the stable field-error codes of
 * problem+json, the sign-in backoff and the password policy.
 */
export * from './errors.ts'
export * from './field-error-code.ts'
export * from './login-backoff.ts'
export * from './password-policy.ts'
