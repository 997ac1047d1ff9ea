/**
 * Four-colour safety risk levels (安全风险四色分布) and the colour of each major hazard source
 * grade — the one source of truth the map legend, markers and panels import.
 *
 * Keyed on the Chinese level names, never on letters or numbers: provinces run A–D and 1–4 in
 * opposite directions, the names are the only labels every source agrees on.
 *   重大风险 red · 较大风险 orange · 一般风险 yellow · 低风险 blue
 *   hazard source 一级 red · 二级 orange · 三级 yellow · 四级 blue
 */
import { fourColourPalette, type FourColour, type FourColourStyle } from './four-colours'
import type { HazardGrade } from '../registry/gb18218-tables'

/** Highest risk first. */
export const riskLevels = ['重大风险', '较大风险', '一般风险', '低风险'] as const
export type RiskLevel = (typeof riskLevels)[number]

export interface RiskLevelInfo {
  readonly level: RiskLevel
  /** 1 = highest (重大风险) … 4 = lowest (低风险); for sorting, not for display. */
  readonly rank: 1 | 2 | 3 | 4
  readonly colour: FourColour
  readonly labelEn: string
}

export const riskLevelTable: Readonly<Record<RiskLevel, RiskLevelInfo>> = {
  重大风险: { level: '重大风险', rank: 1, colour: 'red', labelEn: 'major risk' },
  较大风险: { level: '较大风险', rank: 2, colour: 'orange', labelEn: 'considerable risk' },
  一般风险: { level: '一般风险', rank: 3, colour: 'yellow', labelEn: 'general risk' },
  低风险: { level: '低风险', rank: 4, colour: 'blue', labelEn: 'low risk' },
}

/** Colour of a GB 18218 major hazard source grade on the map. */
export const hazardGradeColour: Readonly<Record<HazardGrade, FourColour>> = {
  一级: 'red',
  二级: 'orange',
  三级: 'yellow',
  四级: 'blue',
}

export function riskLevelStyle(level: RiskLevel): FourColourStyle {
  return fourColourPalette[riskLevelTable[level].colour]
}

export function hazardGradeStyle(grade: HazardGrade): FourColourStyle {
  return fourColourPalette[hazardGradeColour[grade]]
}
