import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isValidCas } from './cas'
import { table1Substances } from './gb18218-substances'
import { toxicGasBetaTable } from './gb18218-tables'

/**
 * The CSV beside the module is the transcription of Table 1 the project keeps; this parses it
 * (names contain unquoted commas, so the last two fields are split off from the right).
 */
function readCsv(): { name: string; cas: string[]; q: number }[] {
  const text = readFileSync(new URL('./gb18218-2018-table1.csv', import.meta.url), 'utf8')
  const [header, ...lines] = text.trim().split(/\r?\n/)
  expect(header).toBe('name,cas,Q_t')
  return lines.map((line) => {
    const fields = line.split(',')
    const q = Number(fields.pop())
    const cas = fields.pop() ?? ''
    return { name: fields.join(','), cas: cas === '' ? [] : cas.split(';'), q }
  })
}

const byName = (name: string) => table1Substances.find((s) => s.name === name)

describe('GB 18218-2018 Table 1 (85 named substances)', () => {
  it('has 85 rows numbered 1–85 in order', () => {
    expect(table1Substances).toHaveLength(85)
    table1Substances.forEach((s, i) => expect(s.row).toBe(i + 1))
  })

  it('agrees with gb18218-2018-table1.csv row by row (name, CAS split on ";", Q)', () => {
    const csv = readCsv()
    expect(csv).toHaveLength(85)
    csv.forEach((row, i) => {
      const s = table1Substances[i]
      expect({ name: s?.name, cas: s?.cas, q: s?.thresholdTonnes }).toEqual(row)
    })
  })

  it.each([
    [6, '碳酰氯(光气)', 0.3],
    [30, '异氰酸甲酯', 0.75],
    [56, '氧(压缩的或液化的)', 200],
    [46, '硝酸钾', 1000],
    [1, '氨', 10],
    [12, '氯', 5],
    [54, '乙炔', 1],
    [65, '甲醇', 500],
    [66, '汽油(乙醇汽油、甲醇汽油)', 200],
    [83, '碳化钙(电石)', 100],
    [85, '钠', 10],
  ])('Table 1 row %i %s → Q %s t', (row, name, q) => {
    const s = byName(name)
    expect(s?.row).toBe(row)
    expect(s?.thresholdTonnes).toBe(q)
  })

  it('Table 1 row 49 甲烷/天然气 lists two CAS, row 52 液化石油气 three, row 13 煤气 none', () => {
    expect(byName('甲烷/天然气')?.cas).toEqual(['74-82-8', '8006-14-2'])
    expect(table1Substances[51]?.cas).toEqual(['68476-85-7', '74-98-6', '106-97-8'])
    expect(table1Substances[12]?.cas).toEqual([])
    expect(byName('烷基铝')?.cas).toEqual([])
    expect(byName('硝酸铵肥料(含可燃物≤0.4%)')?.cas).toEqual([])
  })

  it('every CAS in Table 1 has a correct check digit', () => {
    for (const s of table1Substances)
      for (const c of s.cas) expect(isValidCas(c), `${s.name} ${c}`).toBe(true)
  })

  it('Table 1 rows 37–42 (硝化纤维素) share 9004-70-0 and rows 43–44 (硝酸铵) share 6484-52-2', () => {
    const rows = (cas: string) =>
      table1Substances.filter((s) => s.cas.includes(cas)).map((s) => s.row)
    expect(rows('9004-70-0')).toEqual([37, 38, 39, 40, 41, 42])
    expect(rows('6484-52-2')).toEqual([43, 44])
  })

  it('a CAS on more than one row only occurs on form-qualified rows', () => {
    const count = new Map<string, number>()
    for (const s of table1Substances) for (const c of s.cas) count.set(c, (count.get(c) ?? 0) + 1)
    for (const s of table1Substances) {
      if (s.cas.some((c) => (count.get(c) ?? 0) > 1)) expect(s.formQualified, s.name).toBe(true)
    }
  })

  it('names and aliases are unique across the table (after NFKC and upper-casing)', () => {
    const keys = table1Substances.flatMap((s) => [s.name, ...(s.aliases ?? [])])
    const normal = keys.map((k) => k.normalize('NFKC').toUpperCase())
    expect(new Set(normal).size).toBe(normal.length)
  })

  it('each Table 3 gas except 一氧化碳 is exactly one Table 1 row, and those rows carry no Table 4 category', () => {
    for (const gas of toxicGasBetaTable) {
      const rows = table1Substances.filter((s) => s.cas.includes(gas.cas))
      expect(rows.length, gas.name).toBe(gas.name === '一氧化碳' ? 0 : 1)
      for (const r of rows) expect(r.table4Category, r.name).toBeUndefined()
    }
  })

  it('every other row has a Table 4 category except Table 1 row 26 三氧化硫 (β defaults to 1)', () => {
    const toxicCas = new Set(toxicGasBetaTable.map((g) => g.cas))
    const without = table1Substances.filter(
      (s) => s.table4Category === undefined && !s.cas.some((c) => toxicCas.has(c)),
    )
    expect(without.map((s) => s.name)).toEqual(['三氧化硫'])
  })

  it.each([
    ['甲烷/天然气', 'W2'],
    ['氢', 'W2'],
    ['乙炔', 'W2'],
    ['液化石油气(含丙烷、丁烷及其混合物)', 'W2'],
    ['乙醚', 'W5.1'],
    ['甲醇', 'W5.3'],
    ['苯乙烯', 'W5.4'],
    ['2,4,6-三硝基甲苯(TNT)', 'W1.1'],
    ['氧(压缩的或液化的)', 'W4'],
    ['氯酸钾', 'W9.1'],
    ['碳化钙(电石)', 'W11'],
    ['二氟化氧', 'J1'],
  ])('default Table 4 category of %s is %s', (name, category) => {
    expect(byName(name)?.table4Category).toBe(category)
  })
})
