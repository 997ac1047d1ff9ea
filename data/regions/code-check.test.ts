import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { codeCheckMarkdown } from './code-check-report.ts'
import { checkRegionCodes } from './code-check.ts'
import { hierarchyProblems } from './hierarchy.ts'
import { loadOfficialCodes } from './official-codes.ts'
import { renumberings } from './renumbered.ts'
import { loadRegionRecords } from './source.ts'

const records = loadRegionRecords()
const official = loadOfficialCodes()

describe('the packaged regions against the 2023 codes', () => {
  it('match the committed list (rerun `npm run regions:check -- --write` when it changes)', () => {
    const committed = readFileSync(new URL('./code-check.md', import.meta.url), 'utf8')
    expect(codeCheckMarkdown()).toBe(committed)
  })

  it('renumber each listed county to a 2023 code of that name, from a packaged code the list lacks', () => {
    const packaged = new Map(records.map((r) => [r.packaged.code, r.packaged.name]))
    for (const { packaged: from, current } of renumberings) {
      expect(packaged.get(from.code), from.code).toBe(from.name)
      expect(official.has(from.code), from.code).toBe(false)
      expect(official.get(current.code), current.code).toBe(current.name)
      // Same prefecture: jurisdiction by code prefix keeps the county where it was.
      expect(current.code.slice(0, 4)).toBe(from.code.slice(0, 4))
    }
  })

  it('leave no renamed county behind: every mainland code is in the 2023 list or reported', () => {
    const { mismatches } = checkRegionCodes(records, official)
    expect(mismatches.filter((m) => m.kind === 'renamed')).toEqual([])
    expect(mismatches.filter((m) => m.kind === 'renumbered')).toHaveLength(renumberings.length)
  })

  it('form one tree: every region has an existing parent whose code it starts with', () => {
    const root = {
      code: '100000',
      name: '中华人民共和国',
      level: 'national' as const,
      parentCode: null,
    }
    expect(hierarchyProblems([root, ...records])).toEqual([])
    expect(new Set(records.map((r) => r.code)).size).toBe(records.length)
  })

  it('finds an orphan and a code that does not match its parent', () => {
    const root = {
      code: '100000',
      name: '中华人民共和国',
      level: 'national' as const,
      parentCode: null,
    }
    const problems = hierarchyProblems([
      root,
      { code: '610000', name: '陕西省', level: 'province', parentCode: '100000' },
      { code: '620100', name: '兰州市', level: 'city', parentCode: '610000' },
      { code: '610113', name: '雁塔区', level: 'county', parentCode: '610100' },
    ])
    expect(problems).toEqual([
      "620100 兰州市: code does not start with its parent's 61",
      '610113 雁塔区: parent 610100 does not exist',
    ])
  })
})
