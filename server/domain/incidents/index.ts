/** Incident rules (事故): accident grade under State Council Order 493, reporting deadlines, incident types and status steps. */
export * from './accident-grade.ts'
export * from './accident-reporting.ts'
export * from './incident-status.ts'
export * from './incident-types.ts'
