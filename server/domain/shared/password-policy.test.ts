import { describe, expect, it } from 'vitest'
import { fieldErrorCodes } from './field-error-code.ts'
import { PASSWORD_MIN_LENGTH, passwordPolicyIssues } from './password-policy.ts'

const codes = (password: string, username = 'yanta') =>
  passwordPolicyIssues(password, { username }).map((i) => i.code)

describe('passwordPolicyIssues', () => {
  it('accepts a long mixed password', () => {
    expect(codes('Qiao-Lian-2026!')).toEqual([])
    expect(codes('anquan shengchan 9')).toEqual([])
  })

  it('length: 11 characters fail, 12 pass, counted in code points', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12)
    expect(codes('abcdefghi-1')).toEqual(['password_too_short'])
    expect(codes('abcdefghi-12')).toEqual([])
    // 6 汉字 + 5 digits are 11 characters. Eight emoji-and-letters are 8 characters but 14
    // UTF-16 units: counting units would let them through.
    expect(codes('应急管理指挥12345')).toEqual(['password_too_short'])
    expect(codes('应急管理指挥123456')).toEqual([])
    expect(codes('😀😀😀😀😀😀a1')).toEqual(['password_too_short'])
    expect(passwordPolicyIssues('short', { username: 'x' })[0]).toMatchObject({
      code: 'password_too_short',
      params: { min: 12 },
    })
  })

  it('must not contain the username, in any case', () => {
    expect(codes('my-yanta-2026-pw')).toEqual(['password_has_username'])
    expect(codes('my-YanTa-2026-pw')).toEqual(['password_has_username'])
    expect(codes('my-yant-2026-pwd')).toEqual([])
    // A username of one or two characters would forbid too much; three is a word.
    expect(codes('abc-2026-xyz-q', 'ab')).toEqual([])
    expect(codes('abc-2026-xyz-q', 'abc')).toEqual(['password_has_username'])
    expect(codes('abc-2026-xyz-q', ' abc ')).toEqual(['password_has_username'])
  })

  it.each([
    ['abcdefghijklmn', 'lower case only'],
    ['ABCDEFGHIJKLMN', 'upper case only'],
    ['20260101203040', 'digits only'],
    ['!@#$%^&*()_+-=', 'symbols only'],
    ['            ', 'spaces only'],
    ['安全生产应急管理指挥中心', '汉字 only'],
  ])('one kind of character is refused: %s (%s)', (password) => {
    expect(codes(password)).toContain('password_one_kind')
  })

  it.each([
    ['abcdefghijklM', 'lower + one upper'],
    ['abcdefghijkl1', 'lower + one digit'],
    ['2026010120304-', 'digits + one symbol'],
    ['安全生产应急管理指挥中心1', '汉字 + digit'],
  ])('two kinds are enough: %s (%s)', (password) => {
    expect(codes(password)).not.toContain('password_one_kind')
  })

  it('refuses common passwords in any case, and only those', () => {
    expect(codes('Password1234')).toEqual(['password_common'])
    expect(codes('P@ssw0rd1234')).toEqual(['password_common'])
    expect(codes('1qaz2wsx3edc')).toEqual(['password_common'])
    expect(codes('woaini1314520')).toEqual(['password_common'])
    expect(codes('Jinan-Command')).toEqual(['password_common'])
    expect(codes('Password12345x')).toEqual([])
  })

  it('lists every broken rule at once, in a stable order', () => {
    expect(codes('yanta')).toEqual([
      'password_too_short',
      'password_has_username',
      'password_one_kind',
    ])
    expect(codes('')).toEqual(['password_too_short'])
    expect(codes('administrator', 'admin')).toEqual([
      'password_has_username',
      'password_one_kind',
      'password_common',
    ])
  })

  it('every code is a published field-error code', () => {
    const all = passwordPolicyIssues('admin', { username: 'admin' }).map((i) => i.code)
    for (const code of all) expect(fieldErrorCodes).toContain(code)
  })

  it('demo passwords such as jinan-yanta would not pass as new passwords', () => {
    expect(codes('jinan-yanta')).toEqual(['password_too_short', 'password_has_username'])
  })
})
