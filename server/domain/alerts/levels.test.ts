import { describe, expect, it } from 'vitest'
import { capColourOf, capSeverityOf, levelOfCap, levelOfColour, levelOfSeverity } from './levels.ts'

describe('level ↔ CAP', () => {
  it('maps every level to severity and colour, and back', () => {
    const table = [
      ['一级', 'Extreme', 'RED'],
      ['二级', 'Severe', 'ORANGE'],
      ['三级', 'Moderate', 'YELLOW'],
      ['四级', 'Minor', 'BLUE'],
    ] as const
    for (const [level, severity, colour] of table) {
      expect(capSeverityOf(level)).toBe(severity)
      expect(capColourOf(level)).toBe(colour)
      expect(levelOfSeverity(severity)).toBe(level)
      expect(levelOfColour(colour)).toBe(level)
    }
  })
  it('reads a colour word in severity (national platform files)', () => {
    expect(levelOfSeverity('ORANGE')).toBe('二级')
    expect(levelOfColour(' red ')).toBe('一级')
  })
  it('Unknown and other words have no level', () => {
    expect(levelOfSeverity('Unknown')).toBeNull()
    expect(levelOfSeverity('extreme')).toBeNull()
    expect(levelOfColour('GREEN')).toBeNull()
  })
  it('the colour parameter wins over severity; a bad one falls back', () => {
    expect(levelOfCap('Minor', 'RED')).toBe('一级')
    expect(levelOfCap('Minor', 'PURPLE')).toBe('四级')
    expect(levelOfCap('Unknown', null)).toBeNull()
  })
})
