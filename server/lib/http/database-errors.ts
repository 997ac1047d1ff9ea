import type { ProblemBody } from '../problem.ts'
import { pgErrorCode } from '../registry/db-errors.ts'

/**
 * The last line of defence: a PostgreSQL data error that slipped past the edge validators is
 * the client's bad value, not a server fault, so it answers 400/409/422 problem+json naming the
 * column where PostgreSQL says which, never a 500 with a stack trace in the log. The
 * transaction it happened in has rolled back, so nothing was changed.
 */
const classes: Record<string, { status: number; title: string; text: string }> = {
  '22001': { status: 400, title: 'Bad Request', text: 'A text value is too long.' },
  '22003': { status: 400, title: 'Bad Request', text: 'A number is out of range.' },
  '22007': { status: 400, title: 'Bad Request', text: 'A date or time is not valid.' },
  '22008': { status: 400, title: 'Bad Request', text: 'A date or time is out of range.' },
  '22021': {
    status: 400,
    title: 'Bad Request',
    text: 'Text holds a character that cannot be stored.',
  },
  '22P02': { status: 400, title: 'Bad Request', text: 'A value has the wrong form.' },
  '22P05': {
    status: 400,
    title: 'Bad Request',
    text: 'Text holds a character that cannot be stored.',
  },
  '22023': { status: 400, title: 'Bad Request', text: 'A parameter value is not valid.' },
  '22004': { status: 400, title: 'Bad Request', text: 'A required value is missing.' },
  '22012': { status: 400, title: 'Bad Request', text: 'A value leads to a division by zero.' },
  XX000: { status: 400, title: 'Bad Request', text: 'A geometry is not valid.' },
  '23502': { status: 400, title: 'Bad Request', text: 'A required value is missing.' },
  '23503': {
    status: 422,
    title: 'Unprocessable Content',
    text: 'A referenced record does not exist.',
  },
  '23514': {
    status: 422,
    title: 'Unprocessable Content',
    text: 'A value breaks a rule of the record.',
  },
  '23505': { status: 409, title: 'Conflict', text: 'A record with this value exists already.' },
  '40001': { status: 409, title: 'Conflict', text: 'A concurrent change won; try again.' },
  '40P01': { status: 409, title: 'Conflict', text: 'A concurrent change won; try again.' },
}

const codeOfStatus = (status: number) =>
  status === 409 ? 'stale' : status === 422 ? 'invalid_value' : 'invalid'

function columnOf(error: unknown): string | undefined {
  let e: unknown = error
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const column = (e as { column?: unknown }).column
    if (typeof column === 'string' && column) return column
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())

export function problemOfDatabaseError(error: unknown): ProblemBody | null {
  const code = pgErrorCode(error)
  const known = code ? classes[code] : undefined
  // XX000 is PostGIS's generic error; only its geometry messages are the client's doing.
  if (!known || (code === 'XX000' && !/geometry|lwgeom|coordinate/i.test(String(error)))) {
    return null
  }
  const column = columnOf(error)
  const field = column ? camel(column) : 'body'
  return {
    type: 'about:blank',
    title: known.title,
    status: known.status,
    detail: `${known.text} Nothing was changed.`,
    errors: [{ field, code: codeOfStatus(known.status), message: known.text }],
  }
}
