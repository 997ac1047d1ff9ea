import { describe, expect, it } from 'vitest'
import { InvalidInputError, UnknownSubstanceError } from '../shared/errors'
import { alphaForPeople, assessHazardSource, gradeForR, roundResult } from './gb18218'
import type { SubstanceInput } from './gb18218-schema'
import type { HazardCategory } from './gb18218-tables'

const one = (name: string, quantityTonnes: number, extra: Partial<SubstanceInput> = {}) => ({
  name,
  quantityTonnes,
  ...extra,
})

const assess = (substances: SubstanceInput[], peopleWithin500m = 0) =>
  assessHazardSource({ substances, peopleWithin500m })

describe('identification S = Σ q/Q (GB 18218-2018 section 4.2)', () => {
  it('Table 1 row 12 氯 Q 5: q 5 → S exactly 1 → major', () => {
    const r = assess([one('氯', 5)])
    expect(r.S).toBe(1)
    expect(r.isMajor).toBe(true)
  })

  it('Table 1 row 12 氯 Q 5: q 4.99 → S 0.998 → not major, grade null', () => {
    const r = assess([one('氯', 4.99)])
    expect(r.S).toBe(0.998)
    expect(r.isMajor).toBe(false)
    expect(r.grade).toBeNull()
  })

  it('Table 1 row 54 乙炔 Q 1: ten tanks of 0.1 t sum to exactly 1 despite float noise', () => {
    const r = assess(Array.from({ length: 10 }, () => one('乙炔', 0.1)))
    // The naive float sum is 0.9999999999999999; rounding to 1e-9 must lift it to 1.
    expect(r.terms.reduce((s, t) => s + t.ratio, 0)).not.toBe(1)
    expect(r.S).toBe(1)
    expect(r.isMajor).toBe(true)
  })

  it('0.3 + 0.7 counts as 1 (乙炔 Q 1 twice)', () => {
    const r = assess([one('乙炔', 0.3), one('乙炔', 0.7)])
    expect(r.S).toBe(1)
    expect(r.isMajor).toBe(true)
  })

  it('several substances below their own Q sum past 1 (Table 1 rows 65 甲醇 500, 64 甲苯 500, 57 苯 50)', () => {
    const r = assess([one('甲醇', 200), one('甲苯', 150), one('苯', 20)])
    expect(r.terms.map((t) => t.ratio)).toEqual([0.4, 0.3, 0.4])
    expect(r.S).toBe(1.1)
    expect(r.isMajor).toBe(true)
  })

  it('several substances just under: 甲醇 249.5 + 甲苯 249.5 → S 0.998', () => {
    const r = assess([one('甲醇', 249.5), one('甲苯', 249.5)])
    expect(r.S).toBe(0.998)
    expect(r.isMajor).toBe(false)
  })

  it('zero quantity is allowed and contributes nothing', () => {
    const r = assess([one('氯', 0)])
    expect(r.S).toBe(0)
    expect(r.R).toBe(0)
    expect(r.isMajor).toBe(false)
  })
})

describe('α by people within 500 m (GB 18218-2018 Table 5)', () => {
  it.each([
    [0, 0.5],
    [1, 1.0],
    [29, 1.0],
    [30, 1.2],
    [49, 1.2],
    [50, 1.5],
    [99, 1.5],
    [100, 2.0],
    [100000, 2.0],
  ])('%i people → α %s', (people, alpha) => {
    expect(alphaForPeople(people)).toBe(alpha)
    expect(assess([one('氯', 1)], people).alpha).toBe(alpha)
  })

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('%s people → InvalidInputError', (n) => {
    expect(() => assess([one('氯', 1)], n)).toThrow(InvalidInputError)
    try {
      assess([one('氯', 1)], n)
    } catch (e) {
      expect((e as InvalidInputError).field).toBe('peopleWithin500m')
    }
  })
})

describe('grade bands on R (GB 18218-2018 section 4.3): boundary goes to the higher grade', () => {
  // Table 1 row 65 甲醇: Q 500, default category W5.3 → Table 4 β 1, so R = α · q / 500.
  it.each([
    [25000, 100, 100, '一级'],
    [24999, 100, 99.996, '二级'],
    [25000, 1, 50, '二级'],
    [24999, 1, 49.998, '三级'],
    [5000, 1, 10, '三级'],
    [4999, 1, 9.998, '四级'],
    [500, 0, 0.5, '四级'],
  ])('甲醇 q %i t, %i people → R %s → %s', (q, people, R, grade) => {
    const r = assess([one('甲醇', q)], people)
    expect(r.R).toBe(R)
    expect(r.grade).toBe(grade)
  })

  // 氯 (Table 3 β 4, Table 1 Q 5) + 氨 (Table 3 β 2, Table 1 Q 10): exact in decimals, noisy in floats.
  it('α 1: 氯 0.7 + 氨 47.2 → R = 0.56 + 9.44 = 10 exactly → 三级 (raw float 10.000000000000002)', () => {
    const r = assess([one('氯', 0.7), one('氨', 47.2)], 1)
    expect(r.R).toBe(10)
    expect(r.grade).toBe('三级')
  })

  it('α 2 (100 people): 氯 0.7 + 氨 22.2 → R = 10 exactly → 三级 (raw float 9.999999999999998)', () => {
    const r = assess([one('氯', 0.7), one('氨', 22.2)], 100)
    expect(r.R).toBe(10)
    expect(r.grade).toBe('三级')
  })

  it('α 1: 氯 0.2 + 氨 249.2 → R = 50 exactly → 二级 (raw float 49.99999999999999)', () => {
    const r = assess([one('氯', 0.2), one('氨', 249.2)], 1)
    expect(r.R).toBe(50)
    expect(r.grade).toBe('二级')
  })

  it('α 2: 氯 0.2 + 氨 249.2 → R = 100 exactly → 一级 (raw float 99.99999999999999)', () => {
    const r = assess([one('氯', 0.2), one('氨', 249.2)], 100)
    expect(r.R).toBe(100)
    expect(r.grade).toBe('一级')
  })

  it('gradeForR at and around each boundary', () => {
    expect(gradeForR(100)).toBe('一级')
    expect(gradeForR(99.999999999)).toBe('二级')
    expect(gradeForR(50)).toBe('二级')
    expect(gradeForR(49.999999999)).toBe('三级')
    expect(gradeForR(10)).toBe('三级')
    expect(gradeForR(9.999999999)).toBe('四级')
    expect(gradeForR(0)).toBe('四级')
  })

  it('a major source with small R is 四级, not null (S ≥ 1 but R < 10)', () => {
    const r = assess([one('甲醇', 500)], 0) // S 1, R = 0.5 · 1 · 1
    expect(r).toMatchObject({ S: 1, R: 0.5, isMajor: true, grade: '四级' })
  })

  it('roundResult rounds to 9 decimal places', () => {
    expect(roundResult(0.9999999999999999)).toBe(1)
    expect(roundResult(0.9999999994)).toBe(0.999999999)
    expect(roundResult(1.23456789049)).toBe(1.23456789)
  })
})

describe('β from Table 3 for toxic gases', () => {
  it.each([
    ['氯', 4],
    ['氯气', 4],
    ['硫化氢', 5],
    ['碳酰氯(光气)', 20],
    ['光气', 20],
    ['氰化氢', 10],
    ['氨', 2],
    ['液氨', 2],
    ['氯化氢(无水)', 3],
    ['溴甲烷', 3],
    ['氟化氢', 5],
    ['二氧化氮', 10],
    ['磷化氢', 20],
    ['异氰酸甲酯', 20],
    ['二氧化硫', 2],
    ['环氧乙烷', 2],
  ])('Table 3: %s → β %s', (name, beta) => {
    const [t] = assess([one(name, 1)]).terms
    expect(t).toMatchObject({ beta, betaSource: 'table3', matched: 'table1' })
  })

  it('Table 3 β wins over a caller category (氯 given W2 keeps β 4, Q stays Table 1 row 12 = 5)', () => {
    const [t] = assess([one('氯', 1, { category: 'W2' })]).terms
    expect(t).toMatchObject({ beta: 4, betaSource: 'table3', Q: 5, category: null })
  })

  it('chlorine by CAS only: 7782-50-5 → Table 1 row 12, β 4', () => {
    const [t] = assess([one('chlorine', 2.5, { cas: '7782-50-5' })]).terms
    expect(t).toMatchObject({
      matched: 'table1',
      matchedBy: 'cas',
      table1Row: 12,
      Q: 5,
      ratio: 0.5,
      beta: 4,
    })
  })

  it('一氧化碳 (Table 3 β 2, not in Table 1): Q from default W2 = 10 t', () => {
    const r = assess([one('一氧化碳', 10)], 100)
    expect(r.terms[0]).toMatchObject({
      matched: 'category',
      category: 'W2',
      Q: 10,
      beta: 2,
      betaSource: 'table3',
    })
    expect(r).toMatchObject({ S: 1, R: 4, isMajor: true, grade: '四级' })
  })

  it('一氧化碳 by CAS 630-08-0 with caller category J3 → Q 50 (Table 2), β still 2', () => {
    const [t] = assess([one('CO gas', 25, { cas: '630-08-0', category: 'J3' })]).terms
    expect(t).toMatchObject({
      matchedBy: 'cas',
      category: 'J3',
      Q: 50,
      ratio: 0.5,
      beta: 2,
      betaSource: 'table3',
    })
  })

  it('worked example: 氯 10 t + 液氨 20 t, 60 people → S 4, R = 1.5 · (4·2 + 2·2) = 18 → 三级', () => {
    const r = assess([one('氯', 10), one('液氨', 20)], 60)
    expect(r).toMatchObject({ S: 4, R: 18, alpha: 1.5, isMajor: true, grade: '三级' })
  })
})

describe('β from Table 4 by category', () => {
  it.each<[string, HazardCategory, number]>([
    ['甲烷/天然气', 'W2', 1.5],
    ['液化石油气', 'W2', 1.5],
    ['汽油', 'W5.3', 1],
    ['乙醚', 'W5.1', 1.5],
    ['2,4,6-三硝基甲苯(TNT)', 'W1.1', 2],
    ['二氟化氧', 'J1', 4],
    ['过氧化甲基乙基酮(10%<有效氧≤10.7%,含A型稀释剂≥48%)', 'W7.1', 1.5],
    ['电石', 'W11', 1],
  ])('Table 1 default category: %s → %s → β %s', (name, category, beta) => {
    const [t] = assess([one(name, 1)]).terms
    expect(t).toMatchObject({ matched: 'table1', category, beta, betaSource: 'table4' })
  })

  it('caller category overrides the default for β only: 甲醇 as W5.1 → β 1.5, Q stays Table 1 row 65 = 500', () => {
    const [t] = assess([one('甲醇', 100, { category: 'W5.1' })]).terms
    expect(t).toMatchObject({ category: 'W5.1', beta: 1.5, Q: 500, ratio: 0.2, matched: 'table1' })
  })

  it('Table 1 row 26 三氧化硫 (no Table 2 category): β 1, betaSource default; Q 75', () => {
    const [t] = assess([one('三氧化硫', 75)]).terms
    expect(t).toMatchObject({ Q: 75, ratio: 1, beta: 1, betaSource: 'default', category: null })
  })

  it('三氧化硫 with a caller category uses Table 4', () => {
    const [t] = assess([one('三氧化硫', 75, { category: 'J5' })]).terms
    expect(t).toMatchObject({ beta: 1, betaSource: 'table4', category: 'J5' })
  })
})

describe('substances not in Table 1: Q from Table 2 by category', () => {
  it.each<[HazardCategory, number, number]>([
    ['W5.2', 50, 1],
    ['W5.3', 1000, 1],
    ['W5.4', 5000, 1],
    ['J1', 5, 4],
    ['J4', 50, 2],
    ['W3', 150, 1],
    ['W6.1', 10, 1.5],
    ['W9.2', 200, 1],
  ])('unknown substance as %s → Q %s t, β %s (Tables 2 and 4)', (category, Q, beta) => {
    const [t] = assess([one('某溶剂', Q, { category })]).terms
    expect(t).toMatchObject({
      matched: 'category',
      matchedBy: 'category',
      matchedName: null,
      Q,
      ratio: 1,
      beta,
      betaSource: 'table4',
    })
  })

  it('异丙醇 as W5.2 with 50 t → S 1 → major; 30 people → R 1.2 → 四级', () => {
    const r = assess([one('异丙醇', 50, { category: 'W5.2', cas: '67-63-0' })], 30)
    expect(r).toMatchObject({ S: 1, R: 1.2, isMajor: true, grade: '四级' })
  })

  it('a unique CAS outranks the caller category: Q from Table 1 (row 65 甲醇), not Table 2', () => {
    const [t] = assess([one('methanol', 500, { cas: '67-56-1', category: 'W5.2' })]).terms
    expect(t).toMatchObject({
      matched: 'table1',
      matchedBy: 'cas',
      Q: 500,
      category: 'W5.2',
      beta: 1,
    })
  })

  it('unknown substance without category → UnknownSubstanceError naming substances[1].category', () => {
    const run = () => assess([one('氯', 1), one('盐酸', 10, { cas: '7647-01-0' })])
    expect(run).toThrow(UnknownSubstanceError)
    try {
      run()
    } catch (e) {
      const err = e as UnknownSubstanceError
      expect(err.field).toBe('substances[1].category')
      expect(err.index).toBe(1)
      expect(err.substanceName).toBe('盐酸')
      expect(err.code).toBe('unknown_substance')
      expect(err.message).toContain('substances[1].category')
    }
  })

  it('ambiguous nitrocellulose CAS without a category → UnknownSubstanceError', () => {
    expect(() => assess([one('硝化棉', 1, { cas: '9004-70-0' })])).toThrow(UnknownSubstanceError)
  })
})

describe('input checks', () => {
  it.each([-0.001, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'quantity %s → InvalidInputError on substances[0].quantityTonnes',
    (q) => {
      try {
        assess([one('氯', q)])
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInputError)
        expect((e as InvalidInputError).field).toBe('substances[0].quantityTonnes')
      }
    },
  )

  it('blank name → InvalidInputError on substances[0].name', () => {
    expect(() => assess([one('  ', 1, { category: 'W2' })])).toThrow(InvalidInputError)
  })

  it('a category outside Table 2 (bypassing the schema) → InvalidInputError', () => {
    const bad = { name: 'x', quantityTonnes: 1, category: 'W12' } as unknown as SubstanceInput
    expect(() => assess([bad])).toThrow(InvalidInputError)
  })

  it('flags a CAS that contradicts the recognised name (氯 + CAS of 氨) but keeps the name', () => {
    const [t] = assess([one('氯', 1, { cas: '7664-41-7' })]).terms
    expect(t).toMatchObject({ matchedName: '氯', casConflict: true })
    const [ok] = assess([one('氯', 1, { cas: '7782-50-5' })]).terms
    expect(ok?.casConflict).toBe(false)
  })

  it('empty substance list: S 0, not major', () => {
    expect(assess([])).toMatchObject({ S: 0, R: 0, isMajor: false, grade: null })
  })

  it('terms report name as given, the matched Table 1 name and row', () => {
    const [t] = assess([one(' 光气 ', 0.3)]).terms
    expect(t).toMatchObject({
      name: '光气',
      matchedName: '碳酰氯(光气)',
      table1Row: 6,
      matchedBy: 'alias',
      Q: 0.3,
      ratio: 1,
    })
  })
})
