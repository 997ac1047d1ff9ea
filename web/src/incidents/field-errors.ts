import { isApiProblem } from '../api/http.ts'

/**
 * A problem+json field list by field name (first message per field; nested paths such as
 * `location.0` count for `location`). `rest` holds what no field claims.
 */
export function fieldErrors(
  error: unknown,
  known: readonly string[],
): { byField: Record<string, string>; rest: string | undefined } {
  if (!error) return { byField: {}, rest: undefined }
  if (!isApiProblem(error)) return { byField: {}, rest: String(error) }
  const byField: Record<string, string> = {}
  const unclaimed: string[] = []
  for (const { field, message } of error.errors) {
    const head = field.split('.')[0] ?? field
    if (known.includes(head)) byField[head] ??= message
    else unclaimed.push(field ? `${field}: ${message}` : message)
  }
  const rest =
    unclaimed.length > 0
      ? unclaimed.join('; ')
      : error.errors.length === 0
        ? (error.detail ?? error.title)
        : undefined
  return { byField, rest }
}
