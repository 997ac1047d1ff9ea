/**
 * Jurisdiction (管辖范围) on GB/T 2260 codes: a code's leading digits name its ancestors
 * (61 陕西 › 6101 西安 › 610113 雁塔区), so "this region and everything below it" is a
 * prefix. National sees everything.
 */
export type JurisdictionLevel = 'national' | 'province' | 'city' | 'county'

const prefixLength: Record<JurisdictionLevel, number> = {
  national: 0,
  province: 2,
  city: 4,
  county: 6,
}

export function jurisdictionPrefix(level: JurisdictionLevel, regionCode: string): string {
  return regionCode.slice(0, prefixLength[level])
}

export function isWithinJurisdiction(prefix: string, regionCode: string): boolean {
  return regionCode.startsWith(prefix)
}

/** Registry writes are for operational roles; viewers read. */
export const writerRoles = ['admin', 'commander', 'coordinator', 'officer'] as const

export function canWriteRegistry(role: string): boolean {
  return (writerRoles as readonly string[]).includes(role)
}
