import { describe, expect, it } from 'vitest'
import {
  canMoveVersion,
  chinaDate,
  isReviewOverdue,
  isVersionEditable,
  planScopePrefix,
  putInForce,
  reviewDueDate,
} from './plan-lifecycle.ts'

describe('plan version lifecycle', () => {
  it('goes draft → approved → in force → superseded, one step at a time', () => {
    expect(canMoveVersion('draft', 'approved')).toBe(true)
    expect(canMoveVersion('approved', 'in_force')).toBe(true)
    expect(canMoveVersion('in_force', 'superseded')).toBe(true)
    expect(canMoveVersion('draft', 'in_force')).toBe(false)
    expect(canMoveVersion('in_force', 'draft')).toBe(false)
    expect(canMoveVersion('superseded', 'in_force')).toBe(false)
    expect(canMoveVersion('approved', 'approved')).toBe(false)
  })

  it('lets only a draft be edited', () => {
    expect(isVersionEditable('draft')).toBe(true)
    expect(isVersionEditable('approved')).toBe(false)
    expect(isVersionEditable('in_force')).toBe(false)
  })

  it('putting a version in force supersedes the one in force before it', () => {
    const changes = putInForce(
      [
        { id: 'v1', status: 'superseded' },
        { id: 'v2', status: 'in_force' },
        { id: 'v3', status: 'approved' },
      ],
      'v3',
    )
    expect(changes).toEqual([
      { id: 'v2', from: 'in_force', to: 'superseded' },
      { id: 'v3', from: 'approved', to: 'in_force' },
    ])
  })

  it('the first version in force supersedes nothing; a draft cannot go in force', () => {
    expect(putInForce([{ id: 'v1', status: 'approved' }], 'v1')).toEqual([
      { id: 'v1', from: 'approved', to: 'in_force' },
    ])
    expect(() => putInForce([{ id: 'v1', status: 'draft' }], 'v1')).toThrow()
    expect(() => putInForce([{ id: 'v1', status: 'in_force' }], 'v1')).toThrow()
    expect(() => putInForce([], 'v9')).toThrow()
  })
})

describe('review due date (every 3 years)', () => {
  it('is the in-force date plus three years', () => {
    expect(reviewDueDate('2024-03-15')).toBe('2027-03-15')
    expect(reviewDueDate('2023-12-31')).toBe('2026-12-31')
  })
  it('falls on 28 February for a 29 February start', () => {
    expect(reviewDueDate('2024-02-29')).toBe('2027-02-28')
    expect(reviewDueDate('2024-02-29', 4)).toBe('2028-02-29')
  })
  it('is overdue only after the due date', () => {
    expect(isReviewOverdue('2027-03-15', '2027-03-14')).toBe(false)
    expect(isReviewOverdue('2027-03-15', '2027-03-15')).toBe(false)
    expect(isReviewOverdue('2027-03-15', '2027-03-16')).toBe(true)
    expect(isReviewOverdue(null, '2099-01-01')).toBe(false)
  })
  it('counts the day in China Standard Time', () => {
    expect(chinaDate(new Date('2027-03-15T15:59:59Z'))).toBe('2027-03-15')
    expect(chinaDate(new Date('2027-03-15T16:00:00Z'))).toBe('2027-03-16')
  })
})

describe('plan jurisdiction prefix', () => {
  it('follows the level', () => {
    expect(planScopePrefix('national', '100000')).toBe('')
    expect(planScopePrefix('province', '610000')).toBe('61')
    expect(planScopePrefix('city', '610100')).toBe('6101')
    expect(planScopePrefix('county', '610113')).toBe('610113')
    expect(planScopePrefix('enterprise', '610113')).toBe('610113')
  })
})
