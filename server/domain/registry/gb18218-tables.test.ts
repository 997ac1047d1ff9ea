import { describe, expect, it } from 'vitest'
import {
  alphaBands,
  gradeBands,
  hazardCategoryCodes,
  hazardCategorySchema,
  hazardCategoryTable,
  hazardGradeSchema,
  MAJOR_HAZARD_MIN_S,
  toxicGasBetaTable,
} from './gb18218-tables'

// Golden values: GB 18218-2018 as transcribed in reference/gb18218.md.
const table2Q: Record<string, number> = {
  J1: 5,
  J2: 50,
  J3: 50,
  J4: 50,
  J5: 500,
  'W1.1': 1,
  'W1.2': 10,
  'W1.3': 50,
  W2: 10,
  W3: 150,
  W4: 50,
  'W5.1': 10,
  'W5.2': 50,
  'W5.3': 1000,
  'W5.4': 5000,
  'W6.1': 10,
  'W6.2': 50,
  'W7.1': 10,
  'W7.2': 50,
  W8: 50,
  'W9.1': 50,
  'W9.2': 200,
  W10: 200,
  W11: 200,
}

const table4Beta: Record<string, number> = {
  J1: 4,
  J2: 1,
  J3: 2,
  J4: 2,
  J5: 1,
  'W1.1': 2,
  'W1.2': 2,
  'W1.3': 2,
  W2: 1.5,
  W3: 1,
  W4: 1,
  'W5.1': 1.5,
  'W5.2': 1,
  'W5.3': 1,
  'W5.4': 1,
  'W6.1': 1.5,
  'W6.2': 1,
  'W7.1': 1.5,
  'W7.2': 1,
  W8: 1,
  'W9.1': 1,
  'W9.2': 1,
  W10: 1,
  W11: 1,
}

describe('GB 18218-2018 Table 2 (category thresholds) and Table 4 (β by category)', () => {
  it('has exactly the 24 categories J1–J5, W1.1–W11', () => {
    expect(hazardCategoryCodes).toHaveLength(24)
    expect([...hazardCategoryCodes].sort()).toEqual(Object.keys(table2Q).sort())
  })

  it.each(Object.entries(table2Q))('Table 2: %s → Q %s t', (code, q) => {
    expect(hazardCategoryTable[hazardCategorySchema.parse(code)].thresholdTonnes).toBe(q)
  })

  it.each(Object.entries(table4Beta))('Table 4: %s → β %s', (code, beta) => {
    expect(hazardCategoryTable[hazardCategorySchema.parse(code)].beta).toBe(beta)
  })

  it('each record carries its own code', () => {
    for (const code of hazardCategoryCodes) expect(hazardCategoryTable[code].code).toBe(code)
  })

  it('hazardCategorySchema rejects lower case and unknown codes', () => {
    expect(hazardCategorySchema.safeParse('w2').success).toBe(false)
    expect(hazardCategorySchema.safeParse('W5').success).toBe(false)
    expect(hazardCategorySchema.safeParse('W5.2').success).toBe(true)
  })
})

describe('GB 18218-2018 Table 3 (β for toxic gases)', () => {
  const golden: [string, number][] = [
    ['一氧化碳', 2],
    ['二氧化硫', 2],
    ['氨', 2],
    ['环氧乙烷', 2],
    ['氯化氢', 3],
    ['溴甲烷', 3],
    ['氯', 4],
    ['硫化氢', 5],
    ['氟化氢', 5],
    ['二氧化氮', 10],
    ['氰化氢', 10],
    ['碳酰氯', 20],
    ['磷化氢', 20],
    ['异氰酸甲酯', 20],
  ]

  it('lists the 14 gases and no others', () => {
    expect(toxicGasBetaTable.map((g) => g.name).sort()).toEqual(golden.map(([n]) => n).sort())
  })

  it.each(golden)('Table 3: %s → β %s', (name, beta) => {
    expect(toxicGasBetaTable.find((g) => g.name === name)?.beta).toBe(beta)
  })

  it('CAS numbers are unique', () => {
    const cas = toxicGasBetaTable.map((g) => g.cas)
    expect(new Set(cas).size).toBe(cas.length)
  })
})

describe('GB 18218-2018 Table 5 (α) and grade bands', () => {
  it('Table 5 bands run 100 / 50 / 30 / 1 / 0 people → 2.0 / 1.5 / 1.2 / 1.0 / 0.5', () => {
    expect(alphaBands.map((b) => [b.minPeople, b.alpha])).toEqual([
      [100, 2],
      [50, 1.5],
      [30, 1.2],
      [1, 1],
      [0, 0.5],
    ])
  })

  it('grade bands start at R 100 / 50 / 10 / 0', () => {
    expect(gradeBands.map((b) => [b.grade, b.minR])).toEqual([
      ['一级', 100],
      ['二级', 50],
      ['三级', 10],
      ['四级', 0],
    ])
    expect(hazardGradeSchema.options).toEqual(['一级', '二级', '三级', '四级'])
  })

  it('identification threshold is S = 1', () => {
    expect(MAJOR_HAZARD_MIN_S).toBe(1)
  })
})
