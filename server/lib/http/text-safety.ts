import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../context.ts'
import { badRequest, type FieldError } from '../problem.ts'

// NUL cannot be stored in PostgreSQL text (22021) and a lone UTF-16 surrogate is not
// Unicode at all (22P05 / broken JSON downstream): both are refused as the field's error
// instead of failing deep in the database as a 500.
// eslint-disable-next-line no-control-regex
const unsafeText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export const isUnsafeText = (text: string) => unsafeText.test(text)

const fieldError = (field: string): FieldError => ({
  field,
  code: 'invalid_format',
  message: 'Text may not contain NUL characters or unpaired surrogates.',
  params: { format: 'text' },
})

/** Every string (and object key) in a parsed JSON value that holds unsafe text, by path. */
export function unsafeTextFields(value: unknown, path = '', found: FieldError[] = []) {
  if (found.length >= 20) return found
  if (typeof value === 'string') {
    if (isUnsafeText(value)) found.push(fieldError(path))
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeTextFields(item, path ? `${path}.${i}` : String(i), found))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key
      if (isUnsafeText(key)) found.push(fieldError(at))
      else unsafeTextFields(item, at, found)
    }
  }
  return found
}

/**
 * Query strings and JSON bodies are checked once here, before any route's validator, so no
 * route can forget. The parsed body is cached by Hono and reused by the validator.
 */
export const safeText = createMiddleware<AppEnv>(async (c, next) => {
  const found: FieldError[] = []
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (isUnsafeText(key) || values.some(isUnsafeText)) found.push(fieldError(key))
  }
  if (isUnsafeText(decodeURIComponentSafe(c.req.path))) found.push(fieldError('path'))
  const type = c.req.header('content-type') ?? ''
  if (c.req.method !== 'GET' && /^application\/([\w.+-]+\+)?json/i.test(type)) {
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      body = undefined // malformed JSON: the route's validator answers it
    }
    unsafeTextFields(body, '', found)
  }
  if (found.length > 0) throw badRequest(found, 'The request holds text that cannot be stored.')
  await next()
})

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}
