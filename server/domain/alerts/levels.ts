/**
 * Warning level ↔ CAP. CAP 1.2's `severity` is an enumeration (Extreme, Severe, Moderate,
 * Minor, Unknown) that the OASIS schema enforces, while the national platform carries the
 * colour word (RED / ORANGE / YELLOW / BLUE). We write both: the CAP severity of the same
 * rank, and the colour as a `parameter` (valueName `预警级别`) and in the XSD-valid document.
 * On import the colour parameter wins; a colour word found in `severity` itself (files
 * from platforms that put it there) is read too.
 */
import { warningLevelTable, warningLevels, type WarningLevel } from '../risk/warning-level.ts'

export const capSeverities = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const
export type CapSeverity = (typeof capSeverities)[number]
export type CapColour = 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE'

export const LEVEL_PARAMETER = '预警级别'

const severityOfLevel: Record<WarningLevel, Exclude<CapSeverity, 'Unknown'>> = {
  一级: 'Extreme',
  二级: 'Severe',
  三级: 'Moderate',
  四级: 'Minor',
}

export const capSeverityOf = (level: WarningLevel): CapSeverity => severityOfLevel[level]
export const capColourOf = (level: WarningLevel): CapColour => warningLevelTable[level].capColour

export function levelOfColour(colour: string): WarningLevel | null {
  const c = colour.trim().toUpperCase()
  return warningLevels.find((l) => warningLevelTable[l].capColour === c) ?? null
}

export function levelOfSeverity(severity: string): WarningLevel | null {
  const s = severity.trim()
  return warningLevels.find((l) => severityOfLevel[l] === s) ?? levelOfColour(s)
}

/** Level of a CAP info: the colour parameter if present and known, else the severity. */
export function levelOfCap(severity: string, colourParameter?: string | null): WarningLevel | null {
  if (colourParameter) {
    const fromColour = levelOfColour(colourParameter)
    if (fromColour) return fromColour
  }
  return levelOfSeverity(severity)
}

export { warningLevels, type WarningLevel }
