import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import {
  fieldErrorCodes,
  type FieldErrorCode,
  type FieldErrorParams,
} from '../domain/shared/field-error-code.ts'

export type { FieldErrorCode, FieldErrorParams } from '../domain/shared/field-error-code.ts'

/**
 * One field at fault, named by its path in the request (`bbox`, `substances.0.quantity`).
 * `code` is what clients translate; a thrower that leaves it out gets its status's default
 * (see `problemOf`), so every error on the wire has one.
 */
export interface FieldError {
  field: string
  code?: FieldErrorCode
  message: string
  params?: FieldErrorParams
}

/** A field error as the API sends it: always with a code. */
export type SentFieldError = FieldError & { code: FieldErrorCode }

/** RFC 9457 problem details, the body of every error this API returns. */
export interface ProblemBody {
  type: string
  title: string
  status: number
  detail?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

/** Throw from a handler or domain adapter; `app.onError` turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title)
    this.name = 'HttpProblem'
  }
}

export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail)

export const badRequest = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new HttpProblem(400, 'Bad Request', detail, { errors })

export function problemResponse(c: Context, problem: ProblemBody): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
  })
}

type Issue = ZodError['issues'][number]

/** The part of the request at `path`, to tell a missing field from a wrong one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** The stable code (and its params) of one zod issue. */
export function codeOfIssue(
  issue: Issue,
  input?: unknown,
): { code: FieldErrorCode; params?: FieldErrorParams } {
  switch (issue.code) {
    case 'invalid_type': {
      const value = input === undefined ? undefined : valueAt(input, issue.path)
      if (input !== undefined && (value === undefined || value === null))
        return { code: 'required' }
      return { code: 'invalid_type', params: { expected: String(issue.expected) } }
    }
    case 'too_small':
      // An empty required text is "required", not "at least 1 character".
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required' }
      return {
        code: 'too_small',
        params: { min: Number(issue.minimum), origin: String(issue.origin) },
      }
    case 'too_big':
      return {
        code: 'too_big',
        params: { max: Number(issue.maximum), origin: String(issue.origin) },
      }
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: String(issue.format) } }
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: issue.values.map(String).join(', ') } }
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: { keys: issue.keys.join(', ') } }
    case 'not_multiple_of':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { code: 'invalid_value' }
    case 'custom': {
      // A refine names its code in params.code and may carry the values its message needs.
      const { code: named, ...rest } = (issue.params ?? {}) as Record<string, unknown>
      const known = fieldErrorCodes as readonly unknown[]
      const params = Object.fromEntries(
        Object.entries(rest).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
      ) as FieldErrorParams
      return {
        code: known.includes(named) ? (named as FieldErrorCode) : 'invalid',
        ...(Object.keys(params).length > 0 ? { params } : {}),
      }
    }
    default:
      return { code: 'invalid' }
  }
}

/** Field errors of a zod failure; `input` (the raw request part) tells missing from wrong. */
export function fieldErrorsOf(error: ZodError, prefix?: string, input?: unknown): SentFieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    return {
      field: [prefix, path].filter(Boolean).join('.') || (prefix ?? ''),
      ...codeOfIssue(issue, input),
      message: issue.message,
    }
  })
}

/** The code of a field error thrown without one: what its status usually means. */
const defaultCode = (status: number): FieldErrorCode =>
  status === 409
    ? 'stale'
    : status === 413
      ? 'required'
      : status === 422
        ? 'invalid_value'
        : 'invalid'

export function problemOf(error: HttpProblem): ProblemBody {
  return {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    ...error.extensions,
    ...(Array.isArray(error.extensions.errors)
      ? {
          errors: (error.extensions.errors as FieldError[]).map((e) => ({
            ...e,
            code: e.code ?? defaultCode(error.status),
          })),
        }
      : {}),
  }
}
