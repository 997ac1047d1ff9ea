import type { RegionLevel } from '../../server/db/schema/regions.ts'

/**
 * Where a packaged unit sits in national › province › city › county.
 *
 * The package files nest by what administers what, which is not always the level: a
 * municipality (北京, 上海, 天津, 重庆) and 香港/澳门 list their districts directly under the
 * province, and the province-administered county-level units (省直辖县级行政区划: 济源, 仙桃,
 * 五指山, 石河子 … all coded xx90xx) are listed beside the prefecture cities with level
 * "city". GB/T 2260 keeps both at county level under a grouping code (110100 市辖区, 429000
 * 省直辖县级行政区划) that has no boundary and no agency, so here they are counties whose
 * parent is the province. Prefecture cities without counties (东莞, 中山, 嘉峪关, 儋州) stay
 * cities with no children.
 */
export function isProvinceAdministered(code: string): boolean {
  return code.slice(2, 4) === '90'
}

export function levelOf(code: string, sourceLevel: string): RegionLevel {
  if (sourceLevel === 'country') return 'national'
  if (sourceLevel === 'province') return 'province'
  if (sourceLevel === 'city' && !isProvinceAdministered(code)) return 'city'
  return 'county'
}

export interface RegionNode {
  code: string
  name: string
  level: RegionLevel
  parentCode: string | null
}

const depth: Record<RegionLevel, number> = { national: 0, province: 1, city: 2, county: 3 }
/** The leading digits of a code that name the region itself (6101 for 西安市 610100). */
const ownDigits: Record<RegionLevel, number> = { national: 0, province: 2, city: 4, county: 6 }

/**
 * Why a set of regions is not one consistent tree, one line per region (empty when it is):
 * every region but the root has an existing parent one or two levels up, and its code
 * starts with its parent's own digits (61 › 6101 › 610113), which is what jurisdiction
 * scoping by code prefix relies on.
 */
export function hierarchyProblems(nodes: readonly RegionNode[]): string[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]))
  const problems: string[] = []
  for (const n of nodes) {
    const where = `${n.code} ${n.name}`
    if (!/^\d{6}$/.test(n.code)) problems.push(`${where}: code is not six digits`)
    if (n.level === 'national') {
      if (n.parentCode !== null) problems.push(`${where}: the national root has a parent`)
      continue
    }
    const parent = n.parentCode === null ? undefined : byCode.get(n.parentCode)
    if (!parent) {
      problems.push(`${where}: parent ${n.parentCode ?? '(none)'} does not exist`)
      continue
    }
    const gap = depth[n.level] - depth[parent.level]
    // A county may hang from its province (municipality districts, 省直辖县) but not deeper.
    if (gap < 1 || gap > (n.level === 'county' ? 2 : 1)) {
      problems.push(`${where}: a ${n.level} under the ${parent.level} ${parent.code}`)
    }
    const prefix = parent.code.slice(0, ownDigits[parent.level])
    if (!n.code.startsWith(prefix)) {
      problems.push(`${where}: code does not start with its parent's ${prefix}`)
    }
    if (n.level === 'province' && !n.code.endsWith('0000')) {
      problems.push(`${where}: a province code must end in 0000`)
    }
    if (n.level === 'city' && !n.code.endsWith('00')) {
      problems.push(`${where}: a city code must end in 00`)
    }
  }
  return problems
}
