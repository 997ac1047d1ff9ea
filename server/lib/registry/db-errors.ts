/** PostgreSQL error code of a driver error, looking through drizzle's wrapper. */
export function pgErrorCode(error: unknown): string | undefined {
  let e: unknown = error
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

export const UNIQUE_VIOLATION = '23505'
