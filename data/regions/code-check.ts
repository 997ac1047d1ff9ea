import type { RegionLevel } from '../../server/db/schema/regions.ts'

/** A unit as imported, with the code and name it had in the package. */
export interface CheckedUnit {
  code: string
  name: string
  level: RegionLevel
  packaged: { code: string; name: string }
}

/**
 * How the imported regions differ from the 2023 division codes:
 * - renumbered: the package's old code (and name) replaced by the 2023 one (renumbered.ts);
 * - not-in-2023: kept under the packaged code, which the 2023 list does not have;
 * - renamed: same code, another name in 2023 (kept as packaged);
 * - no-boundary: a 2023 county-level or higher unit the package has no boundary for.
 */
export type CodeMismatch =
  | {
      kind: 'renumbered'
      packaged: { code: string; name: string }
      current: { code: string; name: string }
    }
  | { kind: 'not-in-2023'; code: string; name: string; level: RegionLevel }
  | { kind: 'renamed'; code: string; name: string; officialName: string }
  | { kind: 'no-boundary'; code: string; name: string }

export interface CodeCheck {
  mismatches: CodeMismatch[]
  /** 台湾, 香港, 澳门 and their districts: outside the 2023 list, kept as packaged, unchecked. */
  notCovered: number
}

/** Provinces the statistics bureau's list does not cover: 台湾 71, 香港 81, 澳门 82. */
const notCoveredProvinces = new Set(['71', '81', '82'])

/**
 * 2023 codes that are groupings, not units with a border or an agency of their own:
 * 市辖区 (110100), 县 (500200), 省/自治区直辖县级行政区划 (429000, 659000).
 */
const groupingNames = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

/** x7x codes are development zones and new areas (130171 石家庄高新区), run by their city. */
const isDevelopmentZone = (code: string) => code[4] === '7'

const mismatchCode = (m: CodeMismatch) => (m.kind === 'renumbered' ? m.packaged.code : m.code)

/** Compares the imported units with the official 2023 codes; pure, ordered by code. */
export function checkRegionCodes(
  units: readonly CheckedUnit[],
  official: ReadonlyMap<string, string>,
): CodeCheck {
  const mismatches: CodeMismatch[] = []
  let notCovered = 0
  const imported = new Set<string>()
  for (const u of units) {
    imported.add(u.code)
    if (u.level === 'national') continue
    if (notCoveredProvinces.has(u.code.slice(0, 2))) {
      notCovered++
      continue
    }
    if (u.code !== u.packaged.code || u.name !== u.packaged.name) {
      mismatches.push({
        kind: 'renumbered',
        packaged: u.packaged,
        current: { code: u.code, name: u.name },
      })
      continue
    }
    const officialName = official.get(u.code)
    if (officialName === undefined) {
      mismatches.push({ kind: 'not-in-2023', code: u.code, name: u.name, level: u.level })
    } else if (officialName !== u.name) {
      mismatches.push({ kind: 'renamed', code: u.code, name: u.name, officialName })
    }
  }
  for (const [code, name] of official) {
    if (imported.has(code) || groupingNames.has(name) || isDevelopmentZone(code)) continue
    mismatches.push({ kind: 'no-boundary', code, name })
  }
  mismatches.sort((a, b) => mismatchCode(a).localeCompare(mismatchCode(b)))
  return { mismatches, notCovered }
}

/** One line per mismatch, the same words at import, in the check script and in README. */
export function describeMismatch(m: CodeMismatch): string {
  switch (m.kind) {
    case 'renumbered':
      return m.packaged.name === m.current.name
        ? `${m.packaged.code} ${m.packaged.name} → ${m.current.code}: renumbered, imported under the 2023 code`
        : `${m.packaged.code} ${m.packaged.name} → ${m.current.code} ${m.current.name}: renamed and renumbered, imported under the 2023 code and name`
    case 'not-in-2023':
      return `${m.code} ${m.name}: not in the 2023 list, imported under the packaged code`
    case 'renamed':
      return `${m.code} ${m.name}: named ${m.officialName} in 2023, imported under the packaged name`
    case 'no-boundary':
      return `${m.code} ${m.name}: in the 2023 list, no packaged boundary (not imported)`
  }
}
