/**
 * CAS Registry Numbers (化学文摘号): format and check digit, so a mistyped CAS is rejected
 * instead of silently matching another substance. Format: 2–7 digits, 2 digits, 1 check digit,
 * hyphenated. Check digit = Σ (digit × position counted from the right of the first two groups,
 * starting at 1) mod 10. Example 7732-18-5: 8·1 + 1·2 + 2·3 + 3·4 + 7·5 + 7·6 = 105 → 5.
 */
import { z } from 'zod'

const CAS_PATTERN = /^(\d{2,7})-(\d{2})-(\d)$/

export function isValidCas(cas: string): boolean {
  const m = CAS_PATTERN.exec(cas)
  if (!m) return false
  const [, head = '', middle = '', check = ''] = m
  const digits = head + middle
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * (i + 1)
  }
  return sum % 10 === Number(check)
}

export const casSchema = z
  .string()
  .trim()
  .refine(isValidCas, { message: 'CAS number must look like 7664-41-7 with a correct check digit' })
