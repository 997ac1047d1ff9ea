import { describe, expect, it } from 'vitest'
import {
  drillRating,
  evaluateDrill,
  graceMinutes,
  minutesSince,
  stepVerdict,
} from './drill-evaluation.ts'

describe('drill evaluation: a step against its target', () => {
  it('on time up to and including the target', () => {
    expect(stepVerdict(30, 0)).toBe('on_time')
    expect(stepVerdict(30, 30)).toBe('on_time')
    expect(stepVerdict(30, 31)).toBe('late')
  })
  it('late within half the target (at least 5 min), far late after', () => {
    expect(graceMinutes(30)).toBe(15)
    expect(stepVerdict(30, 45)).toBe('late')
    expect(stepVerdict(30, 46)).toBe('far_late')
    expect(graceMinutes(0)).toBe(5)
    expect(stepVerdict(0, 5)).toBe('late')
    expect(stepVerdict(0, 6)).toBe('far_late')
    expect(graceMinutes(9)).toBe(5)
    expect(graceMinutes(11)).toBe(6)
  })
  it('a step never done is missed', () => {
    expect(stepVerdict(30, null)).toBe('missed')
  })
})

describe('drill evaluation: rating boundaries', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89, 'good'],
    [75, 'good'],
    [74, 'pass'],
    [60, 'pass'],
    [59, 'fail'],
    [0, 'fail'],
  ] as const)('%i → %s', (score, rating) => {
    expect(drillRating(score)).toBe(rating)
  })
})

describe('drill evaluation: score', () => {
  const step = (key: string, target: number, actual: number | null) => ({
    key,
    title: key,
    targetMinutes: target,
    actualMinutes: actual,
  })
  it('every step weighs the same: on time 1, late ½, far late ⅕, missed 0', () => {
    const r = evaluateDrill([
      step('a', 10, 10),
      step('b', 10, 15),
      step('c', 10, 16),
      step('d', 10, null),
    ])
    expect(r.steps.map((s) => s.verdict)).toEqual(['on_time', 'late', 'far_late', 'missed'])
    expect(r.score).toBe(Math.round((100 * 1.7) / 4))
    expect(r.rating).toBe('fail')
    expect(r.counts).toEqual({ on_time: 1, late: 1, far_late: 1, missed: 1 })
    expect(r.steps.map((s) => s.deltaMinutes)).toEqual([0, 5, 6, null])
  })
  it('all on time scores 100; no steps scores nothing', () => {
    expect(evaluateDrill([step('a', 5, 1), step('b', 60, 60)])).toMatchObject({
      score: 100,
      rating: 'excellent',
    })
    expect(evaluateDrill([])).toMatchObject({ score: null, rating: null })
  })
  it('minutes since the start round to the nearest minute and never go negative', () => {
    const start = new Date('2026-01-01T00:00:00Z')
    expect(minutesSince(start, new Date('2026-01-01T00:10:29Z'))).toBe(10)
    expect(minutesSince(start, new Date('2026-01-01T00:10:30Z'))).toBe(11)
    expect(minutesSince(start, new Date('2025-12-31T23:59:00Z'))).toBe(0)
  })
})
