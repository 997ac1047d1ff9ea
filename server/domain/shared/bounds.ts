/**
 * What the domain allows for counts, quantities and dates. A value outside these is a typing
 * slip or an attack, never a real record; refusing it at the edge keeps 1e308 tonnes from
 * being graded 一级 and an accident in year 1 from getting reporting deadlines in year 1.
 * The bounds are generous on purpose: they must never refuse a true record.
 */
import { z } from 'zod'

/** People in one count (deaths, injured, residents within 500 m, employees): a city's worth. */
export const MAX_PERSONS = 10_000_000

/** Tonnes of one substance in one unit: above the largest national oil reserve base. */
export const MAX_TONNES = 100_000_000

/** Direct economic loss of one accident, yuan (10^15 = 1,000 万亿元). */
export const MAX_LOSS_YUAN = 1e15

/** No work-safety record of the system predates the People's Republic (1949-10-01). */
export const EARLIEST_DATE = '1949-10-01'

/** Clocks disagree: a time up to this far in the future is accepted as "now". */
export const CLOCK_SKEW_MS = 5 * 60_000

/** Deadlines and plans look ahead at most this many years. */
export const MAX_YEARS_AHEAD = 10

/** A whole-number count of people, 0 … MAX_PERSONS. */
export const personCount = (field: string) =>
  z
    .number()
    .int(`${field} must be a whole number`)
    .min(0, `${field} must be ≥ 0`)
    .max(MAX_PERSONS, `${field} must be at most ${MAX_PERSONS}`)

/** Today's calendar date in China (UTC+8, no daylight saving), YYYY-MM-DD. */
export const chinaDate = (now: Date = new Date()) =>
  new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** The latest date (YYYY-MM-DD) a forward-looking field may hold. */
export function latestDateAhead(now: Date = new Date()): string {
  const [y, rest] = [Number(chinaDate(now).slice(0, 4)), chinaDate(now).slice(4)]
  // 29 Feb + 10 years is 28 Feb at the latest; the string compare stays a valid bound.
  return `${y + MAX_YEARS_AHEAD}${rest}`
}

/** A YYYY-MM-DD (or ISO date-time) field not before EARLIEST_DATE. */
export const notBeforeEarliest = <S extends z.ZodType<string>>(schema: S) =>
  schema.refine((s) => s.slice(0, 10) >= EARLIEST_DATE, {
    message: `must not be before ${EARLIEST_DATE}`,
    params: { code: 'too_early', min: EARLIEST_DATE },
  })

/** …and not after today in China (within clock skew): a day something was found or done. */
export const pastDate = <S extends z.ZodType<string>>(schema: S) =>
  notBeforeEarliest(schema).refine(
    (s) => s.slice(0, 10) <= chinaDate(new Date(Date.now() + CLOCK_SKEW_MS)),
    { message: 'must not be in the future', params: { code: 'in_future' } },
  )

/** …and at most MAX_YEARS_AHEAD years ahead: a deadline or a planned time. */
export const plannedDate = <S extends z.ZodType<string>>(schema: S) =>
  notBeforeEarliest(schema).refine((s) => s.slice(0, 10) <= latestDateAhead(), {
    message: `must be at most ${MAX_YEARS_AHEAD} years ahead`,
    params: { code: 'too_far_ahead', max: `${MAX_YEARS_AHEAD} years` },
  })
