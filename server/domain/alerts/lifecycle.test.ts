import { describe, expect, it } from 'vitest'
import { alertEnd, isActiveAt, phaseAt, refusalOf, statusAfter } from './lifecycle.ts'

const onset = new Date('2026-07-01T00:00:00Z')
const expiresAt = new Date('2026-07-02T00:00:00Z')
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta)

describe('active at t: onset ≤ t < end', () => {
  const a = { status: 'issued' as const, onset, expiresAt }
  it('is not active 1 ms before the onset', () => expect(isActiveAt(a, ms(onset, -1))).toBe(false))
  it('is active at the onset instant', () => expect(isActiveAt(a, onset)).toBe(true))
  it('is active 1 ms before expiry', () => expect(isActiveAt(a, ms(expiresAt, -1))).toBe(true))
  it('is not active at the expiry instant', () => expect(isActiveAt(a, expiresAt)).toBe(false))
  it('an updated alert is active like an issued one', () =>
    expect(isActiveAt({ ...a, status: 'updated' }, onset)).toBe(true))
})

describe('lifting ends it at the lifting instant', () => {
  const liftedAt = ms(onset, 3600_000)
  const a = { status: 'lifted' as const, onset, expiresAt, liftedAt }
  it('active just before', () => expect(isActiveAt(a, ms(liftedAt, -1))).toBe(true))
  it('not active at the lifting instant', () => expect(isActiveAt(a, liftedAt)).toBe(false))
  it('end is the lifting when earlier than expiry', () => expect(alertEnd(a)).toEqual(liftedAt))
  it('end stays the expiry when lifted later', () =>
    expect(alertEnd({ ...a, liftedAt: ms(expiresAt, 1) })).toEqual(expiresAt))
  it('lifted without a time is never active', () =>
    expect(isActiveAt({ status: 'lifted', onset, expiresAt }, onset)).toBe(false))
})

describe('phase', () => {
  const a = { status: 'issued' as const, onset, expiresAt }
  it('pending before onset', () => expect(phaseAt(a, ms(onset, -1))).toBe('pending'))
  it('active at onset', () => expect(phaseAt(a, onset)).toBe('active'))
  it('expired at expiry (derived, never stored)', () =>
    expect(phaseAt(a, expiresAt)).toBe('expired'))
  it('lifted from the lifting instant', () => {
    const l = { ...a, status: 'lifted' as const, liftedAt: ms(onset, 10) }
    expect(phaseAt(l, ms(onset, 9))).toBe('active')
    expect(phaseAt(l, ms(onset, 10))).toBe('lifted')
  })
})

describe('transitions', () => {
  const a = { status: 'issued' as const, onset, expiresAt }
  it('update and lift allowed while pending or active', () => {
    expect(refusalOf(a, 'update', ms(onset, -1))).toBeNull()
    expect(refusalOf(a, 'lift', onset)).toBeNull()
    expect(refusalOf({ ...a, status: 'updated' }, 'update', onset)).toBeNull()
  })
  it('nothing after lifting', () => {
    const l = { ...a, status: 'lifted' as const, liftedAt: onset }
    expect(refusalOf(l, 'update', onset)).toMatch(/lifted/)
    expect(refusalOf(l, 'lift', onset)).toMatch(/lifted/)
  })
  it('nothing from the expiry instant', () => {
    expect(refusalOf(a, 'update', ms(expiresAt, -1))).toBeNull()
    expect(refusalOf(a, 'update', expiresAt)).toMatch(/expired/)
    expect(refusalOf(a, 'lift', expiresAt)).toMatch(/expired/)
  })
  it('status after', () => {
    expect(statusAfter('update')).toBe('updated')
    expect(statusAfter('lift')).toBe('lifted')
  })
})
