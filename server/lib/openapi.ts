import { OpenAPIHono, z } from '@hono/zod-openapi'
import { fieldErrorCodes } from '../domain/shared/field-error-code.ts'
import { fieldErrorsOf, problemResponse } from './problem.ts'
import type { AppEnv } from './context.ts'

/**
 * Every router is built here so that a zod failure at the edge always answers the same
 * way: 400 problem+json naming each field at fault.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return problemResponse(c, {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: `Invalid ${result.target}.`,
          // zod-validator passes the raw input as `data` (not in its types): it tells a
          // missing field (code `required`) from a wrong one.
          errors: fieldErrorsOf(result.error, undefined, (result as { data?: unknown }).data),
        })
      }
      return undefined
    },
  })
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string().openapi({ description: 'Path of the field in the request' }),
          code: z.enum(fieldErrorCodes).openapi({
            description:
              'Stable machine code for clients to translate: input shape (required, ' +
              'too_small, too_big, invalid_format, invalid_value, …) or a domain rule ' +
              '(not_in_jurisdiction, stale, …)',
          }),
          message: z.string().openapi({ description: 'English text for API users and logs' }),
          params: z
            .record(z.string(), z.union([z.string(), z.number()]))
            .optional()
            .openapi({ description: 'Values the message needs: min, max, format, values' }),
        }),
      )
      .optional(),
  })
  .openapi('Problem')

const statusText: Record<number, string> = {
  400: 'Invalid input; `errors` names each field at fault',
  401: 'Not signed in',
  403: 'Outside your jurisdiction or role',
  404: 'Not found (or outside your jurisdiction)',
  409: 'Stale version: someone changed this record',
  413: 'Request too large',
  422: 'Breaks a domain rule',
}

/** The problem+json entries a route lists for its error statuses. */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: statusText[s] ?? 'Error',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    ]),
  ) as Record<
    S,
    {
      description: string
      content: { 'application/problem+json': { schema: typeof problemSchema } }
    }
  >
}

/** A required JSON request body of `schema`. */
export const jsonBody = <S extends z.ZodTypeAny>(schema: S) => ({
  content: { 'application/json': { schema } },
  required: true,
})

/** A JSON response of `schema`. */
export const jsonResponse = <S extends z.ZodTypeAny>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
})
