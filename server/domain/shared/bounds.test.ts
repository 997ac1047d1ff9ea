import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  chinaDate,
  EARLIEST_DATE,
  latestDateAhead,
  MAX_PERSONS,
  pastDate,
  personCount,
  plannedDate,
} from './bounds'

describe('bounds', () => {
  it('person counts: 0 and MAX_PERSONS pass; −1, MAX_PERSONS + 1, 0.5 do not', () => {
    const deaths = personCount('deaths')
    expect(deaths.safeParse(0).success).toBe(true)
    expect(deaths.safeParse(MAX_PERSONS).success).toBe(true)
    expect(deaths.safeParse(MAX_PERSONS + 1).success).toBe(false)
    expect(deaths.safeParse(-1).success).toBe(false)
    expect(deaths.safeParse(0.5).success).toBe(false)
  })

  it('the day in China turns at 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07')
    expect(chinaDate(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08')
  })

  it('dates start on 1949-10-01 inclusive', () => {
    const found = pastDate(z.string())
    expect(found.safeParse(EARLIEST_DATE).success).toBe(true)
    expect(found.safeParse('1949-09-30').success).toBe(false)
    expect(found.safeParse(chinaDate()).success).toBe(true)
  })

  it('past dates end today; planned dates ten years ahead, that day included', () => {
    const found = pastDate(z.string())
    const tomorrow = chinaDate(new Date(Date.now() + 86_400_000 + 600_000))
    expect(found.safeParse(tomorrow).success).toBe(false)
    expect(latestDateAhead(new Date('2026-12-07T00:00:00Z'))).toBe('2036-12-07')
    const deadline = plannedDate(z.string())
    expect(deadline.safeParse(latestDateAhead()).success).toBe(true)
    const after = new Date(`${latestDateAhead()}T00:00:00Z`)
    after.setUTCDate(after.getUTCDate() + 1)
    expect(deadline.safeParse(after.toISOString().slice(0, 10)).success).toBe(false)
    expect(deadline.safeParse('1949-09-30').success).toBe(false)
  })
})
