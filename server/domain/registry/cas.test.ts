import { describe, expect, it } from 'vitest'
import { casSchema, isValidCas } from './cas'

describe('CAS check digit', () => {
  it.each(['7732-18-5', '7782-50-5', '75-44-5', '10102-44-0', '68476-85-7', '630-08-0', '50-00-0'])(
    '%s is valid',
    (cas) => expect(isValidCas(cas)).toBe(true),
  )

  it.each([
    ['7782-50-4', 'wrong check digit'],
    ['7782-5-5', 'middle group one digit'],
    ['7-44-5', 'first group one digit'],
    ['12345678-12-3', 'first group eight digits'],
    ['7782505', 'no hyphens'],
    [' 7782-50-5', 'leading space'],
    ['', 'empty'],
  ])('%s is invalid (%s)', (cas) => expect(isValidCas(cas)).toBe(false))

  it('casSchema trims, then checks', () => {
    expect(casSchema.parse(' 7782-50-5 ')).toBe('7782-50-5')
    expect(casSchema.safeParse('7782-50-4').success).toBe(false)
  })
})
