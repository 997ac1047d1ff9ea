import { describe, expect, it } from 'vitest'
import {
  alertIdentifier,
  beijingStamp,
  capDateTime,
  fullRegionCode,
  issuerCode,
  parseAlertIdentifier,
} from './identifier.ts'

describe('national identifiers', () => {
  it('builds the 14-digit issuer code from the region code', () => {
    expect(issuerCode({ regionCode: '610000' })).toBe('61000000000000')
    expect(issuerCode({ regionCode: '360800', sector: '416' })).toBe('36080041600000')
    expect(() => issuerCode({ regionCode: '6100' })).toThrow(/6 digits/)
    expect(() => issuerCode({ regionCode: '610000', sector: '41' })).toThrow(/3 digits/)
  })
  it('stamps in Beijing time, across the UTC date line', () => {
    expect(beijingStamp(new Date('2025-03-13T06:37:27Z'))).toBe('20250313143727')
    expect(beijingStamp(new Date('2025-12-31T16:00:00Z'))).toBe('20260101000000')
    expect(beijingStamp(new Date('2025-12-31T15:59:59Z'))).toBe('20251231235959')
  })
  it('matches the published example', () => {
    const id = alertIdentifier('36080041600000', new Date('2025-03-13T06:37:27Z'))
    expect(id).toBe('36080041600000_20250313143727')
    const p = parseAlertIdentifier(id)!
    expect(p).toMatchObject({ regionCode: '360800', sector: '416', subUnit: '000' })
    expect(p.extension).toBe('00')
    expect(p.issuedAt.toISOString()).toBe('2025-03-13T06:37:27.000Z')
  })
  it('refuses what does not follow the scheme', () => {
    expect(parseAlertIdentifier('3608004160000_20250313143727')).toBeNull() // 13 digits
    expect(parseAlertIdentifier('36080041600000-20250313143727')).toBeNull()
    expect(parseAlertIdentifier('36080041600000_20251313143727')).toBeNull() // month 13
    expect(parseAlertIdentifier('36080041600000_20250230120000')).toBeNull() // 30 Feb
    expect(parseAlertIdentifier('36080041600000_20250313240000')).toBeNull() // 24:00
    expect(parseAlertIdentifier('36080041600000_20240229235959')).not.toBeNull() // leap day
  })
  it('CAP times carry +08:00, never Z, whole seconds', () => {
    expect(capDateTime(new Date('2026-07-01T00:00:00.999Z'))).toBe('2026-07-01T08:00:00+08:00')
  })
  it('pads a jurisdiction prefix to a full region code', () => {
    expect(fullRegionCode('61')).toBe('610000')
    expect(fullRegionCode('6101')).toBe('610100')
    expect(fullRegionCode('')).toBe('000000')
  })
})

describe('the jurisdiction of an area', async () => {
  const { commonJurisdictionPrefix, prefixOfRegionCode } = await import('./area-region.ts')
  it('is the most specific region holding every county', () => {
    expect(commonJurisdictionPrefix(['610113'])).toBe('610113')
    expect(commonJurisdictionPrefix(['610113', '610112'])).toBe('6101')
    expect(commonJurisdictionPrefix(['610113', '610802'])).toBe('61')
    expect(commonJurisdictionPrefix(['610113', '440106'])).toBe('')
    expect(commonJurisdictionPrefix([])).toBe('')
    // 611x and 610x share "61" but not a city: 4 digits, never 3.
    expect(commonJurisdictionPrefix(['610113', '611002'])).toBe('61')
  })
  it('a region code names its prefix by level', () => {
    expect(prefixOfRegionCode('610000')).toBe('61')
    expect(prefixOfRegionCode('610100')).toBe('6101')
    expect(prefixOfRegionCode('610113')).toBe('610113')
    expect(prefixOfRegionCode('000000')).toBe('')
  })
})
