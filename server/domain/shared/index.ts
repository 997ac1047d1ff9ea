/** What every capability shares: typed domain errors and the stable field-error codes of problem+json. */
export * from './errors.ts'
export * from './field-error-code.ts'
