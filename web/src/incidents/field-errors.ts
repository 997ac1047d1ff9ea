import { isApiProblem } from '../api/http.ts'
import { fieldErrorMessage } from '../i18n/field-error.ts'
import type { Translate } from '../i18n/use-t.ts'

/**
 * A problem+json field list by field name (first message per field; nested paths such as
 * `location.0` count for `location`), in the interface language. `rest` holds what no field
 * claims.
 */
export function fieldErrors(
  error: unknown,
  known: readonly string[],
  t: Translate,
): { byField: Record<string, string>; rest: string | undefined } {
  if (!error) return { byField: {}, rest: undefined }
  if (!isApiProblem(error)) return { byField: {}, rest: String(error) }
  const byField: Record<string, string> = {}
  const unclaimed: string[] = []
  for (const e of error.errors) {
    const { field } = e
    const message = fieldErrorMessage(t, e)
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
