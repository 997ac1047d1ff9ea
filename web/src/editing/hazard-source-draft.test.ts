import { describe, expect, it } from 'vitest'
import { assessInputOf, type HazardSourceFormValues } from './hazard-source-draft.ts'

const values: HazardSourceFormValues = {
  name: '液氨储罐区',
  unitKind: '储罐区',
  rows: [{ key: 0, name: '氨', quantity: '25.5' }],
  people: '120',
}

describe('hazard-source form values', () => {
  it('become the assess input once every field parses', () => {
    expect(assessInputOf(values)).toEqual({
      substances: [{ name: '氨', quantityTonnes: 25.5 }],
      peopleWithin500m: 120,
    })
  })

  it('are incomplete while a quantity is blank, negative or not a number', () => {
    for (const quantity of ['', '-1', 'abc']) {
      expect(assessInputOf({ ...values, rows: [{ key: 0, name: '氨', quantity }] })).toBeNull()
    }
  })

  it('are incomplete when people is not a whole number or no substance is left', () => {
    expect(assessInputOf({ ...values, people: '1.5' })).toBeNull()
    expect(assessInputOf({ ...values, rows: [] })).toBeNull()
  })
})
