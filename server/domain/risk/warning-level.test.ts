import { describe, expect, it } from 'vitest'
import { fourColourPalette } from './four-colours'
import {
  warningLevelForEventGrade,
  warningLevels,
  warningLevelSchema,
  warningLevelStyle,
  warningLevelTable,
} from './warning-level'

describe('warning levels (突发事件应对法): 一级 red … 四级 blue', () => {
  it('order and colours', () => {
    expect(
      warningLevels.map((l) => [l, warningLevelTable[l].colour, warningLevelTable[l].roman]),
    ).toEqual([
      ['一级', 'red', 'I'],
      ['二级', 'orange', 'II'],
      ['三级', 'yellow', 'III'],
      ['四级', 'blue', 'IV'],
    ])
  })

  it('CAP colour words RED / ORANGE / YELLOW / BLUE = I / II / III / IV', () => {
    expect(warningLevels.map((l) => warningLevelTable[l].capColour)).toEqual([
      'RED',
      'ORANGE',
      'YELLOW',
      'BLUE',
    ])
  })

  it('event grades 特别重大 / 重大 / 较大 / 一般 map to 一级 … 四级 both ways', () => {
    for (const l of warningLevels)
      expect(warningLevelForEventGrade[warningLevelTable[l].eventGrade]).toBe(l)
    expect(warningLevelForEventGrade['特别重大']).toBe('一级')
    expect(warningLevelForEventGrade['一般']).toBe('四级')
  })

  it('style comes from the shared palette', () => {
    expect(warningLevelStyle('一级')).toBe(fourColourPalette.red)
    expect(warningLevelStyle('四级').hex).toBe(fourColourPalette.blue.hex)
  })

  it('schema accepts only the four levels', () => {
    expect(warningLevelSchema.safeParse('一级').success).toBe(true)
    expect(warningLevelSchema.safeParse('I').success).toBe(false)
  })
})
