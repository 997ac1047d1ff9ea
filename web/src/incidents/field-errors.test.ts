import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../api/http.ts'
import { dictionaries } from '../i18n/messages.ts'
import { translate, type Translate } from '../i18n/use-t.ts'
import { fieldErrors } from './field-errors.ts'
import { formatSpan } from './use-now.ts'

const zh: Translate = (key, vars) => translate(dictionaries['zh-CN'], key, vars)

describe('fieldErrors', () => {
  it('files problem+json errors under their fields, nested paths under the head', () => {
    const problem = new ApiProblem({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [
        {
          field: 'deaths',
          code: 'too_small',
          message: 'deaths must be ≥ 0',
          params: { min: 0, origin: 'number' },
        },
        { field: 'location.1', code: 'not_in_jurisdiction', message: 'outside' },
        { field: 'deaths', code: 'required', message: 'second message is dropped' },
        { field: 'unknownThing', message: 'odd' },
      ],
    })
    const { byField, rest } = fieldErrors(problem, ['deaths', 'location'], zh)
    expect(byField).toEqual({ deaths: '不能小于 0', location: '不在本单位管辖范围内' })
    expect(rest).toBe('unknownThing: odd')
  })

  it('a problem without a field list is shown whole', () => {
    const problem = new ApiProblem({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'Outside your jurisdiction.',
    })
    expect(fieldErrors(problem, ['deaths'], zh)).toEqual({
      byField: {},
      rest: 'Outside your jurisdiction.',
    })
    expect(fieldErrors(null, ['deaths'], zh)).toEqual({ byField: {}, rest: undefined })
  })
})

describe('formatSpan', () => {
  it('counts hours, minutes and seconds either side of a deadline', () => {
    expect(formatSpan(0)).toBe('0:00:00')
    expect(formatSpan(59_999)).toBe('0:00:59')
    expect(formatSpan(3_600_000 + 61_000)).toBe('1:01:01')
    expect(formatSpan(-(2 * 3_600_000 + 5_000))).toBe('2:00:05')
  })
})
