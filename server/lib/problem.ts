import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'

/** One field at fault, named by its path in the request (`bbox`, `substances.0.quantity`). */
export interface FieldError {
  field: string
  message: string
}

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

export function fieldErrorsOf(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    return {
      field: [prefix, path].filter(Boolean).join('.') || (prefix ?? ''),
      message: issue.message,
    }
  })
}

export function problemOf(error: HttpProblem): ProblemBody {
  return {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    ...error.extensions,
  }
}
