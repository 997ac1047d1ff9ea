import type { FieldErrorCode } from './field-error-code.ts'

/**
 * What a new password must be. Applied when a password is set (admin reset, own change),
 * never at sign-in: passwords set before the policy keep working until they are changed.
 */
export const PASSWORD_MIN_LENGTH = 12

/** The codes this policy answers with (each is a field-error code the clients translate). */
export type PasswordIssueCode = Extract<
  FieldErrorCode,
  'password_too_short' | 'password_has_username' | 'password_one_kind' | 'password_common'
>

export interface PasswordIssue {
  code: PasswordIssueCode
  /** English, for API users and logs; clients show their own text for the code. */
  message: string
  params?: Record<string, string | number>
}

/**
 * Passwords people pick first that pass the length and mix rules (shorter ones already fail
 * on length): keyboard runs, "password"/"admin" with digits, Chinese pinyin favourites
 * (woaini = 我爱你, 1314520 = 一生一世我爱你) and this product's own name. Compared in
 * lower case. Deliberately short: a long list belongs in a breach corpus check, not here.
 */
const common = new Set([
  '123456789012',
  '1234567890ab',
  '1234567890qwe',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  '1q2w3e4r5t6y',
  '1q2w3e4r5t6y7u8i',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  'qwerty1234567',
  'asdfghjkl123',
  'zxcvbnm12345',
  'zxcvbnm123456',
  'abc123456789',
  'abcd12345678',
  'abcdefg12345',
  'a12345678901',
  'aa1234567890',
  'password1234',
  'password12345',
  'password@123',
  'password#123',
  'password!123',
  'p@ssw0rd1234',
  'p@ssword1234',
  'passw0rd1234',
  'admin1234567',
  'admin@123456',
  'admin@12345678',
  'administrator',
  'administrator1',
  'iloveyou1234',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'woaini1314520',
  'woaini123456',
  'woaini520520',
  '5201314woaini',
  'a5201314a5201314',
  'jinancommand',
  'jinan-command',
  'jinancommand1',
  'jinan-command1',
  'jinan@123456',
])

type CharacterKind = 'lower' | 'upper' | 'digit' | 'letter' | 'symbol'

/** Lower case, upper case, digit, other letters (汉字 …) or anything else (symbols, spaces). */
function kindOf(ch: string): CharacterKind {
  if (/\p{Ll}/u.test(ch)) return 'lower'
  if (/\p{Lu}/u.test(ch)) return 'upper'
  if (/\p{Nd}/u.test(ch)) return 'digit'
  if (/\p{L}/u.test(ch)) return 'letter'
  return 'symbol'
}

/** Every rule the password breaks, in a stable order; empty when it may be set. */
export function passwordPolicyIssues(
  password: string,
  context: { username: string },
): PasswordIssue[] {
  const issues: PasswordIssue[] = []
  // Code points, not UTF-16 units: a 汉字 or an emoji is one character to the person typing.
  const chars = [...password]
  if (chars.length < PASSWORD_MIN_LENGTH) {
    issues.push({
      code: 'password_too_short',
      message: `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
      params: { min: PASSWORD_MIN_LENGTH },
    })
  }
  const lower = password.toLowerCase()
  const username = context.username.trim().toLowerCase()
  // A one- or two-letter username would forbid half the alphabet; from three on it is a word.
  if (username.length >= 3 && lower.includes(username)) {
    issues.push({
      code: 'password_has_username',
      message: 'A password must not contain the username.',
    })
  }
  if (chars.length > 0 && new Set(chars.map(kindOf)).size === 1) {
    issues.push({
      code: 'password_one_kind',
      message:
        'A password must mix at least two kinds of character (lower case, upper case, digits, symbols, other letters).',
    })
  }
  if (common.has(lower)) {
    issues.push({ code: 'password_common', message: 'This password is too common.' })
  }
  return issues
}
