import { defineMessages } from '../define-messages.ts'

/**
 * Sign-in protection and passwords: the lockout notice of the login form and the field
 * errors of the password policy (server/domain/shared/password-policy.ts), by server code.
 */
export const authMessages = defineMessages(
  {
    'auth.throttled': '登录尝试过多，请 {seconds} 秒后再试',
    'fieldError.password_too_short': '密码至少 {min} 个字符',
    'fieldError.password_has_username': '密码不能包含用户名',
    'fieldError.password_one_kind': '密码须混用至少两类字符（小写、大写、数字、符号、汉字）',
    'fieldError.password_common': '密码过于常见，请换一个',
    'fieldError.password_unchanged': '新密码不能与当前密码相同',
    'fieldError.password_incorrect': '当前密码不正确',
  },
  {
    'auth.throttled': 'Too many sign-in attempts. Try again in {seconds} s',
    'fieldError.password_too_short': 'A password needs at least {min} characters',
    'fieldError.password_has_username': 'The password must not contain the username',
    'fieldError.password_one_kind':
      'Mix at least two kinds of character (lower case, upper case, digits, symbols, other letters)',
    'fieldError.password_common': 'This password is too common; choose another',
    'fieldError.password_unchanged': 'The new password must differ from the current one',
    'fieldError.password_incorrect': 'The current password is not correct',
  },
)
