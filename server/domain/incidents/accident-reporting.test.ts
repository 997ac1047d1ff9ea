import { describe, expect, it } from 'vitest'
import { reportingObligations, supplementWindowDays } from './accident-reporting'
import { InvalidInputError } from '../shared/errors'

const occurredAt = new Date('2025-03-13T06:00:00.000Z') // 14:00 Beijing time
const plusHours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000)
const iso = (list: { level: string; dueAt: Date }[]) =>
  list.map((o) => [o.level, o.dueAt.toISOString()])

describe('Order 493 Art. 9–11: reporting chain by grade', () => {
  it('一般 → county +1 h, city +3 h (Art. 10: up to 设区的市)', () => {
    expect(iso(reportingObligations('一般', occurredAt))).toEqual([
      ['county', '2025-03-13T07:00:00.000Z'],
      ['city', '2025-03-13T09:00:00.000Z'],
    ])
  })

  it('较大 → up to the province: +1 / +3 / +5 h', () => {
    expect(iso(reportingObligations('较大', occurredAt))).toEqual([
      ['county', plusHours(occurredAt, 1).toISOString()],
      ['city', plusHours(occurredAt, 3).toISOString()],
      ['province', plusHours(occurredAt, 5).toISOString()],
    ])
  })

  it.each(['重大', '特别重大'] as const)('%s → up to national: +1 / +3 / +5 / +7 h', (grade) => {
    expect(
      reportingObligations(grade, occurredAt).map((o) => [
        o.level,
        (o.dueAt.getTime() - occurredAt.getTime()) / 3_600_000,
      ]),
    ).toEqual([
      ['county', 1],
      ['city', 3],
      ['province', 5],
      ['national', 7],
    ])
  })

  it('with reportedAt, each level has 2 h from the county receiving it (Art. 11)', () => {
    const reportedAt = plusHours(occurredAt, 0.25)
    const list = reportingObligations('重大', occurredAt, reportedAt)
    expect(list.map((o) => (o.dueAt.getTime() - occurredAt.getTime()) / 60_000)).toEqual([
      60, 135, 255, 375,
    ])
  })

  it('a late county report: county stays +1 h (shows lateness), city counts from receipt', () => {
    const reportedAt = plusHours(occurredAt, 4)
    const list = reportingObligations('一般', occurredAt, reportedAt)
    expect(iso(list)).toEqual([
      ['county', plusHours(occurredAt, 1).toISOString()],
      ['city', plusHours(occurredAt, 6).toISOString()],
    ])
  })

  it('each receipt re-bases only the levels above it (the chain of Art. 11)', () => {
    const list = reportingObligations('特别重大', occurredAt, {
      county: plusHours(occurredAt, 0.5),
      city: plusHours(occurredAt, 3.5),
    })
    expect(list.map((o) => (o.dueAt.getTime() - occurredAt.getTime()) / 60_000)).toEqual([
      60, // county: always occurredAt + 1 h
      150, // city: 2 h after the county received it at +30 min
      330, // province: 2 h after the city received it at +3.5 h (late: the city had until +2.5 h)
      450, // national: 2 h after the province's own deadline, its receipt not known yet
    ])
  })

  it('a receipt exactly at occurredAt is allowed; one second before is refused, naming the level', () => {
    expect(
      reportingObligations('一般', occurredAt, { county: occurredAt }).map((o) => o.level),
    ).toEqual(['county', 'city'])
    const early = new Date(occurredAt.getTime() - 1000)
    expect(() => reportingObligations('较大', occurredAt, { city: early })).toThrow(
      expect.objectContaining({ field: 'receivedAt.city' }),
    )
  })

  it('does not mutate the input dates', () => {
    const d = new Date(occurredAt)
    reportingObligations('重大', d)
    expect(d.getTime()).toBe(occurredAt.getTime())
  })

  it('rejects invalid dates and reportedAt before occurredAt', () => {
    expect(() => reportingObligations('一般', new Date('nope'))).toThrow(InvalidInputError)
    expect(() => reportingObligations('一般', occurredAt, plusHours(occurredAt, -1))).toThrow(
      InvalidInputError,
    )
  })
})

describe('Order 493 Art. 13: supplement window', () => {
  it.each([
    ['道路交通', 7],
    ['道路交通事故', 7],
    ['火灾', 7],
    ['火灾事故', 7],
    ['road_traffic', 7],
    ['fire', 7],
    ['Fire ', 7],
    ['危险化学品', 30],
    ['煤矿', 30],
    ['爆炸', 30],
    ['', 30],
  ])('%s → %i days', (type, days) => {
    expect(supplementWindowDays(type)).toBe(days)
  })
})
