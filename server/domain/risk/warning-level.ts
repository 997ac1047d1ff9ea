/**
 * Warning and response levels (预警级别 / 响应级别) under the Emergency Response Law
 * (突发事件应对法): 一级 red (highest) · 二级 orange · 三级 yellow · 四级 blue (lowest). Events
 * are graded 特别重大 / 重大 / 较大 / 一般 (I–IV) with the same order. The national release
 * platform carries the level in CAP `severity`-like fields as RED / ORANGE / YELLOW / BLUE.
 */
import { z } from 'zod'
import type { AccidentGrade } from '../incidents/accident-grade'
import { fourColourPalette, type FourColour, type FourColourStyle } from './four-colours'

/** Highest first. */
export const warningLevels = ['一级', '二级', '三级', '四级'] as const
export const warningLevelSchema = z.enum(warningLevels)
export type WarningLevel = z.infer<typeof warningLevelSchema>

export interface WarningLevelInfo {
  readonly level: WarningLevel
  readonly roman: 'I' | 'II' | 'III' | 'IV'
  readonly colour: FourColour
  /** Colour word as exchanged by the national warning release platform (CAP files). */
  readonly capColour: 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE'
  /** Event grade (突发事件分级) of the same rank. */
  readonly eventGrade: AccidentGrade
  readonly labelZh: string
}

export const warningLevelTable: Readonly<Record<WarningLevel, WarningLevelInfo>> = {
  一级: {
    level: '一级',
    roman: 'I',
    colour: 'red',
    capColour: 'RED',
    eventGrade: '特别重大',
    labelZh: '一级(红色)预警',
  },
  二级: {
    level: '二级',
    roman: 'II',
    colour: 'orange',
    capColour: 'ORANGE',
    eventGrade: '重大',
    labelZh: '二级(橙色)预警',
  },
  三级: {
    level: '三级',
    roman: 'III',
    colour: 'yellow',
    capColour: 'YELLOW',
    eventGrade: '较大',
    labelZh: '三级(黄色)预警',
  },
  四级: {
    level: '四级',
    roman: 'IV',
    colour: 'blue',
    capColour: 'BLUE',
    eventGrade: '一般',
    labelZh: '四级(蓝色)预警',
  },
}

export function warningLevelStyle(level: WarningLevel): FourColourStyle {
  return fourColourPalette[warningLevelTable[level].colour]
}

/** The warning / response level of the same rank as an event grade (特别重大 → 一级 …). */
export const warningLevelForEventGrade: Readonly<Record<AccidentGrade, WarningLevel>> = {
  特别重大: '一级',
  重大: '二级',
  较大: '三级',
  一般: '四级',
}
