/**
 * Which jurisdiction an alert's area belongs to: the most specific region that holds every
 * county it touches (610113 + 610112 → 610100 西安; 610113 + 610802 → 610000 陕西; two
 * provinces → national). GB/T 2260 codes name their ancestors by prefix (2, 4, 6 digits).
 */
const LEVEL_LENGTHS = [6, 4, 2, 0] as const

/** The jurisdiction prefix (6, 4, 2 or 0 digits) common to all the codes; '' for none. */
export function commonJurisdictionPrefix(codes: readonly string[]): string {
  if (codes.length === 0) return ''
  for (const n of LEVEL_LENGTHS) {
    const p = codes[0]!.slice(0, n)
    if (codes.every((c) => c.slice(0, n) === p)) return p
  }
  return ''
}

/** The prefix of a region code by what it names: 610000 → 61, 610100 → 6101, 610113 → 610113. */
export function prefixOfRegionCode(code: string): string {
  if (/^0+$/.test(code)) return ''
  if (code.endsWith('0000')) return code.slice(0, 2)
  if (code.endsWith('00')) return code.slice(0, 4)
  return code
}
