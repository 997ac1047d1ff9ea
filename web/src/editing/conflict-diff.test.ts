import { describe, expect, it } from 'vitest'
import { changedFields, conflictRows, displayValue, othersChanges } from './conflict-diff.ts'

describe('conflict view rows', () => {
  const current = {
    name: '液氯储罐区',
    location: [108.95, 34.22],
    substances: [{ name: '氯', quantityTonnes: 20 }],
    peopleWithin500m: 120,
    version: 4,
  }

  it('lists the draft fields beside the current ones and marks those that differ', () => {
    const rows = conflictRows(
      {
        name: '液氯储罐区',
        location: [108.951, 34.22],
        substances: [{ name: '氯', quantityTonnes: 35 }],
        peopleWithin500m: 120,
      },
      current,
    )
    expect(rows.map((r) => [r.field, r.differs])).toEqual([
      ['name', false],
      ['location', true],
      ['substances', true],
      ['peopleWithin500m', false],
    ])
    expect(rows[1]).toMatchObject({ mine: '108.95100, 34.22000', theirs: '108.95000, 34.22000' })
    expect(rows[2]).toMatchObject({ mine: '氯 35 t', theirs: '氯 20 t' })
  })

  it('treats sub-centimetre coordinate noise as the same place', () => {
    const [row] = conflictRows({ location: [108.95000001, 34.22] }, current)
    expect(row?.differs).toBe(false)
  })

  it('shows missing values as a dash', () => {
    expect(displayValue(null)).toBe('—')
    expect(displayValue('')).toBe('—')
  })
})

describe('changed fields', () => {
  it('keeps only what the user changed, so a re-submit does not undo others’ edits', () => {
    const base = { name: 'A', peopleWithin500m: 10, location: [1, 2] }
    expect(
      changedFields(
        { name: 'A', peopleWithin500m: 12, location: [1, 2] as [number, number] },
        base,
      ),
    ).toEqual({ peopleWithin500m: 12 })
  })
})

describe("the other session's own changes", () => {
  it('are the fields that changed on the server and that the draft does not touch', () => {
    const base = { name: 'A', unitKind: '储罐区', peopleWithin500m: 1, version: 1 }
    const current = { name: 'B', unitKind: '储罐区', peopleWithin500m: 5, version: 2 }
    expect(
      othersChanges({ peopleWithin500m: 9 }, base, current, [
        'name',
        'unitKind',
        'peopleWithin500m',
      ]),
    ).toEqual(['name'])
  })
})
