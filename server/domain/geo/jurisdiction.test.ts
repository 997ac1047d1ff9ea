import { describe, expect, it } from 'vitest'
import { canWriteRegistry, isWithinJurisdiction, jurisdictionPrefix } from './jurisdiction.ts'

describe('jurisdiction by GB/T 2260 prefix', () => {
  it.each([
    ['national', '100000', ''],
    ['province', '610000', '61'],
    ['city', '610100', '6101'],
    ['county', '610113', '610113'],
  ] as const)('%s %s → prefix "%s"', (level, code, prefix) => {
    expect(jurisdictionPrefix(level, code)).toBe(prefix)
  })

  it('a 西安 county sees its own county only', () => {
    const prefix = jurisdictionPrefix('county', '610113')
    expect(isWithinJurisdiction(prefix, '610113')).toBe(true)
    expect(isWithinJurisdiction(prefix, '610112')).toBe(false)
    expect(isWithinJurisdiction(prefix, '610802')).toBe(false)
  })

  it('陕西 province sees 榆林 and 西安 but not 山西', () => {
    const prefix = jurisdictionPrefix('province', '610000')
    expect(isWithinJurisdiction(prefix, '610802')).toBe(true)
    expect(isWithinJurisdiction(prefix, '610113')).toBe(true)
    expect(isWithinJurisdiction(prefix, '140100')).toBe(false)
  })

  it('national sees everything', () => {
    expect(isWithinJurisdiction(jurisdictionPrefix('national', '100000'), '650100')).toBe(true)
  })

  it('viewers cannot write the registry; operational roles can', () => {
    expect(canWriteRegistry('viewer')).toBe(false)
    for (const role of ['admin', 'commander', 'coordinator', 'officer']) {
      expect(canWriteRegistry(role)).toBe(true)
    }
  })
})
