import type { FieldError, FieldErrorCode } from '../../../server/lib/problem.ts'
import { isApiProblem } from '../api/http.ts'
import type { MessageKey } from './messages.ts'
import type { Translate } from './use-t.ts'

/** The message of each server code; a code with variants picks one from its params. */
const keyOf: Record<FieldErrorCode, MessageKey> = {
  required: 'fieldError.required',
  invalid_type: 'fieldError.invalid_type',
  too_small: 'fieldError.too_small.number',
  too_big: 'fieldError.too_big.number',
  invalid_format: 'fieldError.invalid_format',
  invalid_value: 'fieldError.invalid_value',
  unknown_field: 'fieldError.unknown_field',
  invalid: 'fieldError.invalid',
  in_future: 'fieldError.in_future',
  too_early: 'fieldError.too_early',
  too_far_ahead: 'fieldError.too_far_ahead',
  too_long: 'fieldError.too_long',
  end_before_start: 'fieldError.end_before_start',
  outside_regions: 'fieldError.outside_regions',
  not_in_jurisdiction: 'fieldError.not_in_jurisdiction',
  retired: 'fieldError.retired',
  closed: 'fieldError.closed',
  not_available: 'fieldError.not_available',
  taken: 'fieldError.taken',
  duplicate: 'fieldError.duplicate',
  bad_transition: 'fieldError.bad_transition',
  window_closed: 'fieldError.window_closed',
  stale: 'fieldError.stale',
  password_too_short: 'fieldError.password_too_short',
  password_has_username: 'fieldError.password_has_username',
  password_one_kind: 'fieldError.password_one_kind',
  password_common: 'fieldError.password_common',
  password_unchanged: 'fieldError.password_unchanged',
  password_incorrect: 'fieldError.password_incorrect',
}

const bounds: Record<string, Partial<Record<string, MessageKey>>> = {
  too_small: {
    string: 'fieldError.too_small.string',
    number: 'fieldError.too_small.number',
    array: 'fieldError.too_small.array',
  },
  too_big: {
    string: 'fieldError.too_big.string',
    number: 'fieldError.too_big.number',
    array: 'fieldError.too_big.array',
  },
}

const formats: Partial<Record<string, MessageKey>> = {
  datetime: 'fieldError.invalid_format.datetime',
  date: 'fieldError.invalid_format.date',
  uuid: 'fieldError.invalid_format.uuid',
  text: 'fieldError.invalid_format.text',
  json: 'fieldError.invalid_format.json',
}

/**
 * A problem+json field error in the interface language, from its stable `code` and `params`
 * (server/lib/field-error-code.ts). The generic codes keep the server's English message as
 * detail, since it is the only thing that says what was wrong; an error without a known code
 * (an older server) shows the message as is.
 */
export function fieldErrorMessage(t: Translate, error: FieldError): string {
  const { code, params = {} } = error
  if (!code || !(code in keyOf)) return error.message
  let key = keyOf[code]
  if (code === 'too_small' || code === 'too_big') {
    key = bounds[code]?.[String(params.origin)] ?? key
  } else if (code === 'invalid_format') {
    key = formats[String(params.format)] ?? key
  } else if (code === 'invalid_value' && params.values !== undefined) {
    key = 'fieldError.invalid_value.values'
  }
  const text = t(key, params)
  const generic = code === 'invalid' || (code === 'invalid_value' && params.values === undefined)
  return generic && error.message ? t('fieldError.detail', { text, detail: error.message }) : text
}

/**
 * One line for an error outside a form field (a button's action failed): the first field
 * error in the interface language, else the problem's detail or title, else the error text.
 */
export function problemMessage(t: Translate, error: unknown): string {
  if (isApiProblem(error)) {
    const first = error.errors[0]
    return first ? fieldErrorMessage(t, first) : (error.detail ?? error.title)
  }
  return error instanceof Error ? error.message : String(error)
}
