import { describe, expect, it } from 'vitest'
import {
  accidentGrade,
  accidentGradeDetail,
  accidentGradeInputSchema,
  accidentGradeRank,
  accidentGrades,
} from './accident-grade'
import { InvalidInputError } from '../shared/errors'

const none = { deaths: 0, seriousInjuries: 0, directLossYuan: 0 }

describe('Order 493 Art. 3: deaths (以上 includes, 以下 excludes)', () => {
  it.each([
    [30, '特别重大'],
    [29, '重大'],
    [10, '重大'],
    [9, '较大'],
    [3, '较大'],
    [2, '一般'],
    [0, '一般'],
  ])('%i deaths → %s', (deaths, grade) => {
    expect(accidentGrade({ ...none, deaths })).toBe(grade)
  })
})

describe('Order 493 Art. 3: serious injuries incl. acute industrial poisoning', () => {
  it.each([
    [100, '特别重大'],
    [99, '重大'],
    [50, '重大'],
    [49, '较大'],
    [10, '较大'],
    [9, '一般'],
  ])('%i serious injuries → %s', (seriousInjuries, grade) => {
    expect(accidentGrade({ ...none, seriousInjuries })).toBe(grade)
  })
})

describe('Order 493 Art. 3: direct economic loss (CNY)', () => {
  it.each([
    [100_000_000, '特别重大'],
    [100_000_000 - 1, '重大'],
    [99_999_999.99, '重大'],
    [50_000_000, '重大'],
    [50_000_000 - 1, '较大'],
    [10_000_000, '较大'],
    [10_000_000 - 1, '一般'],
    [9_999_999.99, '一般'],
  ])('%d yuan → %s', (directLossYuan, grade) => {
    expect(accidentGrade({ ...none, directLossYuan })).toBe(grade)
  })
})

describe('Order 493 Art. 3: the highest grade any criterion reaches', () => {
  it('2 deaths, 10 injuries, no loss → 较大 (injuries decide)', () => {
    expect(accidentGrade({ deaths: 2, seriousInjuries: 10, directLossYuan: 0 })).toBe('较大')
  })

  it('0 deaths, 0 injuries, 1 亿 loss → 特别重大 (loss decides)', () => {
    expect(accidentGrade({ deaths: 0, seriousInjuries: 0, directLossYuan: 1e8 })).toBe('特别重大')
  })

  it('detail reports each criterion', () => {
    expect(
      accidentGradeDetail({ deaths: 3, seriousInjuries: 50, directLossYuan: 5_000_000 }),
    ).toEqual({
      grade: '重大',
      byCriterion: { deaths: '较大', seriousInjuries: '重大', directLossYuan: '一般' },
    })
  })

  it('ranks run from 特别重大 (0) to 一般 (3)', () => {
    expect(accidentGrades.map(accidentGradeRank)).toEqual([0, 1, 2, 3])
  })
})

describe('invalid input → InvalidInputError naming the field', () => {
  it.each([
    [{ ...none, deaths: -1 }, 'deaths'],
    [{ ...none, deaths: 1.5 }, 'deaths'],
    [{ ...none, deaths: Number.NaN }, 'deaths'],
    [{ ...none, seriousInjuries: -3 }, 'seriousInjuries'],
    [{ ...none, seriousInjuries: 2.2 }, 'seriousInjuries'],
    [{ ...none, directLossYuan: -0.01 }, 'directLossYuan'],
    [{ ...none, directLossYuan: Number.POSITIVE_INFINITY }, 'directLossYuan'],
  ])('%o → field %s', (input, field) => {
    try {
      accidentGrade(input)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError)
      expect((e as InvalidInputError).field).toBe(field)
    }
  })

  it('the zod schema rejects the same values', () => {
    expect(accidentGradeInputSchema.safeParse({ ...none, deaths: 1.5 }).success).toBe(false)
    expect(accidentGradeInputSchema.safeParse({ ...none, directLossYuan: -1 }).success).toBe(false)
    expect(accidentGradeInputSchema.safeParse({ ...none, directLossYuan: 12.34 }).success).toBe(
      true,
    )
  })
})
