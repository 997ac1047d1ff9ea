import { describe, expect, it } from 'vitest'
import { fourColourPalette } from './four-colours'
import {
  hazardGradeColour,
  hazardGradeStyle,
  riskLevels,
  riskLevelStyle,
  riskLevelTable,
} from './risk-level'
import { riskLevelSchema } from './risk-level-schema.ts'

describe('four-colour safety risk levels (安全风险四色分布)', () => {
  it('重大风险 red, 较大风险 orange, 一般风险 yellow, 低风险 blue, highest first', () => {
    expect(riskLevels.map((l) => [l, riskLevelTable[l].colour, riskLevelTable[l].rank])).toEqual([
      ['重大风险', 'red', 1],
      ['较大风险', 'orange', 2],
      ['一般风险', 'yellow', 3],
      ['低风险', 'blue', 4],
    ])
  })

  it('style is the shared palette entry', () => {
    expect(riskLevelStyle('重大风险')).toBe(fourColourPalette.red)
    expect(riskLevelStyle('低风险')).toBe(fourColourPalette.blue)
  })

  it('schema is keyed on the Chinese names, not letters', () => {
    expect(riskLevelSchema.safeParse('一般风险').success).toBe(true)
    expect(riskLevelSchema.safeParse('A').success).toBe(false)
  })
})

describe('major hazard source grade colours (GB 18218 一级…四级)', () => {
  it('一级 red, 二级 orange, 三级 yellow, 四级 blue', () => {
    expect(hazardGradeColour).toEqual({ 一级: 'red', 二级: 'orange', 三级: 'yellow', 四级: 'blue' })
    expect(hazardGradeStyle('一级').hex).toBe(fourColourPalette.red.hex)
    expect(hazardGradeStyle('三级')).toBe(fourColourPalette.yellow)
  })
})
