import { describe, expect, it } from 'vitest'
import { fieldErrorCodes } from '../../../server/domain/shared/field-error-code.ts'
import { ApiProblem } from '../api/http.ts'
import { fieldErrorMessage, problemMessage } from './field-error.ts'
import { dictionaries } from './messages.ts'
import { translate, type Translate } from './use-t.ts'

const zh: Translate = (key, vars) => translate(dictionaries['zh-CN'], key, vars)
const en: Translate = (key, vars) => translate(dictionaries.en, key, vars)

describe('fieldErrorMessage', () => {
  it('says each code in Chinese and English, never the raw English message', () => {
    for (const code of fieldErrorCodes) {
      const params = { current: 3, min: 1, max: 9, keys: 'colour' }
      const error = { field: 'x', code, message: 'raw server text', params }
      const inZh = fieldErrorMessage(zh, error)
      const inEn = fieldErrorMessage(en, error)
      expect(inZh, code).toMatch(/[\u4e00-\u9fff]/)
      expect(inEn, code).not.toMatch(/[\u4e00-\u9fff]/)
      expect(inZh, code).not.toMatch(/\{\w+\}/) // every placeholder filled
      if (code !== 'invalid' && code !== 'invalid_value') expect(inZh).not.toContain('raw')
    }
  })

  it('fills bounds by what is bounded: characters, numbers, items', () => {
    const small = (origin: string) =>
      fieldErrorMessage(zh, {
        field: 'f',
        code: 'too_small',
        message: '',
        params: { min: 2, origin },
      })
    expect(small('string')).toBe('至少 2 个字符')
    expect(small('number')).toBe('不能小于 2')
    expect(small('array')).toBe('至少 2 项')
    expect(
      fieldErrorMessage(en, {
        field: 'f',
        code: 'too_big',
        message: '',
        params: { max: 100, origin: 'string' },
      }),
    ).toBe('At most 100 characters')
    expect(
      fieldErrorMessage(zh, {
        field: 'd',
        code: 'invalid_format',
        message: '',
        params: { format: 'datetime' },
      }),
    ).toBe('日期时间格式不正确')
    expect(
      fieldErrorMessage(zh, {
        field: 'k',
        code: 'invalid_value',
        message: '',
        params: { values: 'call, note' },
      }),
    ).toBe('须为以下之一：call, note')
  })

  it('keeps the server text as detail for generic codes, and as is without a code', () => {
    expect(
      fieldErrorMessage(zh, {
        field: 's',
        code: 'invalid_value',
        message: '某种溶剂X is not in GB 18218',
      }),
    ).toBe('取值无效（某种溶剂X is not in GB 18218）')
    expect(fieldErrorMessage(zh, { field: 's', message: 'from an older server' })).toBe(
      'from an older server',
    )
  })

  it('problemMessage: the first field error, else the detail', () => {
    const coded = new ApiProblem({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'status: cannot go from reported to closed',
      errors: [{ field: 'status', code: 'bad_transition', message: 'cannot go' }],
    })
    expect(problemMessage(zh, coded)).toBe('状态只能按顺序逐步推进')
    const plain = new ApiProblem({ type: 'about:blank', title: 'Forbidden', status: 403 })
    expect(problemMessage(en, plain)).toBe('Forbidden')
    expect(problemMessage(en, new Error('offline'))).toBe('offline')
  })
})
