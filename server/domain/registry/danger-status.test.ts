import { describe, expect, it } from 'vitest'
import {
  canTransition,
  dangerStatuses,
  deadlineInOrder,
  isIsoDate,
  isOverdue,
  transitionError,
  type DangerStatus,
} from './danger-status.ts'
import { isoDateSchema } from './danger-status-schema.ts'

describe('rectification state machine', () => {
  it('has the four statuses of the rectification lifecycle, in order', () => {
    expect([...dangerStatuses]).toEqual(['open', 'rectifying', 'verified', 'closed'])
  })

  const allowed: [DangerStatus, DangerStatus][] = [
    ['open', 'rectifying'],
    ['rectifying', 'verified'],
    ['rectifying', 'open'], // rectification rejected
    ['verified', 'closed'],
  ]

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true)
    expect(transitionError(from, to)).toBeNull()
  })

  it('refuses every other pair, including skips, backward moves and staying put', () => {
    for (const from of dangerStatuses) {
      for (const to of dangerStatuses) {
        if (allowed.some(([f, t]) => f === from && t === to)) continue
        expect(canTransition(from, to), `${from} → ${to}`).toBe(false)
        expect(transitionError(from, to)).toMatch(/cannot/)
      }
    }
  })

  it('names the allowed moves when refusing', () => {
    expect(transitionError('open', 'closed')).toBe(
      'cannot go from open to closed; allowed: rectifying',
    )
    expect(transitionError('verified', 'open')).toContain('allowed: closed')
    expect(transitionError('closed', 'open')).toBe('a closed danger cannot change status')
  })
})

describe('isOverdue', () => {
  it('the deadline day itself is in time; the day after is overdue', () => {
    expect(isOverdue('open', '2024-03-10', '2024-03-10')).toBe(false)
    expect(isOverdue('open', '2024-03-10', '2024-03-11')).toBe(true)
    expect(isOverdue('open', '2024-03-10', '2024-03-09')).toBe(false)
  })

  it('across month and year ends', () => {
    expect(isOverdue('rectifying', '2023-12-31', '2024-01-01')).toBe(true)
    expect(isOverdue('rectifying', '2024-02-29', '2024-03-01')).toBe(true)
    expect(isOverdue('rectifying', '2024-02-29', '2024-02-29')).toBe(false)
  })

  it('open and rectifying can be overdue; verified and closed never are', () => {
    const past = ['2000-01-01', '2024-06-01'] as const
    expect(isOverdue('open', past[0], past[1])).toBe(true)
    expect(isOverdue('rectifying', past[0], past[1])).toBe(true)
    expect(isOverdue('verified', past[0], past[1])).toBe(false)
    expect(isOverdue('closed', past[0], past[1])).toBe(false)
  })

  it('refuses dates not written YYYY-MM-DD', () => {
    expect(() => isOverdue('open', '2024-3-10', '2024-03-11')).toThrow(RangeError)
    expect(() => isOverdue('open', '2024-03-10', '2024/03/11')).toThrow(RangeError)
  })
})

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['20240401', false],
    ['2024-04-01T00:00:00Z', false],
  ])('isIsoDate(%s) = %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok)
    expect(isoDateSchema.safeParse(value).success).toBe(ok)
  })

  it('deadline may be the day found, not before it', () => {
    expect(deadlineInOrder('2024-05-01', '2024-05-01')).toBe(true)
    expect(deadlineInOrder('2024-05-01', '2024-05-02')).toBe(true)
    expect(deadlineInOrder('2024-05-01', '2024-04-30')).toBe(false)
    expect(deadlineInOrder('2024-12-31', '2025-01-01')).toBe(true)
  })
})
