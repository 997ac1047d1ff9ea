import type { HTTPException } from 'hono/http-exception'
import type { ProblemBody } from '../problem.ts'

// Hono's json validator throws a bare 400 for a body that does not parse ('{', '', 'nul'):
// it is answered like every other 400, with the field at fault, so a client's form code
// has one shape to read.
export const isMalformedJson = (error: HTTPException) =>
  error.status === 400 && /malformed json/i.test(error.message)

export const malformedJsonProblem: ProblemBody = {
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  detail: 'The request body is not valid JSON; nothing was changed.',
  errors: [
    {
      field: 'body',
      code: 'invalid_format',
      message: 'The request body is not valid JSON.',
      params: { format: 'json' },
    },
  ],
}
