import { describe, expect, it } from 'vitest'
import { assessInputSchema } from './gb18218-schema'

describe('assessInputSchema', () => {
  const valid = {
    substances: [{ name: '氯', cas: '7782-50-5', quantityTonnes: 5 }],
    peopleWithin500m: 0,
  }

  it('accepts a well-formed request', () => {
    expect(assessInputSchema.parse(valid)).toEqual(valid)
  })

  it.each([
    [
      'negative quantity',
      { substances: [{ name: '氯', quantityTonnes: -1 }], peopleWithin500m: 0 },
      'substances.0.quantityTonnes',
    ],
    [
      'infinite quantity',
      { substances: [{ name: '氯', quantityTonnes: Infinity }], peopleWithin500m: 0 },
      'substances.0.quantityTonnes',
    ],
    [
      'NaN quantity',
      { substances: [{ name: '氯', quantityTonnes: NaN }], peopleWithin500m: 0 },
      'substances.0.quantityTonnes',
    ],
    [
      'blank name',
      { substances: [{ name: ' ', quantityTonnes: 1 }], peopleWithin500m: 0 },
      'substances.0.name',
    ],
    [
      'bad CAS check digit',
      { substances: [{ name: '氯', cas: '7782-50-4', quantityTonnes: 1 }], peopleWithin500m: 0 },
      'substances.0.cas',
    ],
    [
      'unknown category',
      { substances: [{ name: 'x', category: 'W12', quantityTonnes: 1 }], peopleWithin500m: 0 },
      'substances.0.category',
    ],
    ['fractional people', { ...valid, peopleWithin500m: 2.5 }, 'peopleWithin500m'],
    ['negative people', { ...valid, peopleWithin500m: -1 }, 'peopleWithin500m'],
    ['no substances', { substances: [], peopleWithin500m: 0 }, 'substances'],
  ])('rejects %s at %s', (_label, input, path) => {
    const r = assessInputSchema.safeParse(input)
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path)
  })
})
