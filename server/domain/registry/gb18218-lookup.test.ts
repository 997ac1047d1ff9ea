import { describe, expect, it } from 'vitest'
import { identifySubstance, matchName, normaliseSubstanceName } from './gb18218-lookup'
import { toxicGasBetaTable } from './gb18218-tables'

const found = (name: string, cas?: string) => {
  const m = identifySubstance(name, cas)
  return m ? { name: matchName(m), by: m.by, kind: m.kind } : undefined
}

describe('identifySubstance: exact name first', () => {
  it('Table 1 row 12 氯 by its exact name', () => {
    expect(found('氯')).toEqual({ name: '氯', by: 'name', kind: 'table1' })
  })

  it('Table 1 row 6 碳酰氯(光气) typed with full-width parentheses and spaces', () => {
    expect(found(' 碳酰氯（光气） ')).toEqual({ name: '碳酰氯(光气)', by: 'name', kind: 'table1' })
  })

  it('Table 1 row 81 硝酸(…>70%) with full-width comma and ＞', () => {
    expect(found('硝酸（发红烟的除外，含硝酸＞70%）')?.name).toBe('硝酸(发红烟的除外,含硝酸>70%)')
  })

  it('name wins over a CAS that points elsewhere (氯 with the CAS of 氨)', () => {
    expect(found('氯', '7664-41-7')?.name).toBe('氯')
  })
})

describe('identifySubstance: aliases', () => {
  it.each([
    ['光气', '碳酰氯(光气)'],
    ['碳酰氯', '碳酰氯(光气)'],
    ['氯气', '氯'],
    ['液氯', '氯'],
    ['液氨', '氨'],
    ['天然气', '甲烷/天然气'],
    ['甲烷', '甲烷/天然气'],
    ['LNG', '甲烷/天然气'],
    ['液化石油气', '液化石油气(含丙烷、丁烷及其混合物)'],
    ['lpg', '液化石油气(含丙烷、丁烷及其混合物)'],
    ['丙烷', '液化石油气(含丙烷、丁烷及其混合物)'],
    ['汽油', '汽油(乙醇汽油、甲醇汽油)'],
    ['电石', '碳化钙(电石)'],
    ['TNT', '2,4,6-三硝基甲苯(TNT)'],
    ['氯化氢', '氯化氢(无水)'],
    ['氢气', '氢'],
    ['氧气', '氧(压缩的或液化的)'],
    ['高炉煤气', '煤气(CO、CO和H2、CH4的混合物等)'],
  ])('%s → Table 1 %s', (alias, name) => {
    expect(found(alias)).toEqual({ name, by: 'alias', kind: 'table1' })
  })

  it('every Table 3 name resolves (Table 3 → Table 1 row, or 一氧化碳 on its own)', () => {
    for (const gas of toxicGasBetaTable) {
      const m = identifySubstance(gas.name)
      expect(m, gas.name).toBeDefined()
      if (m?.kind === 'table1') expect(m.toxicGas?.name).toBe(gas.name)
      else expect(m?.kind).toBe('table3')
    }
  })
})

describe('identifySubstance: CAS only when it identifies one row', () => {
  it('7782-50-5 → Table 1 row 12 氯 when the name is not recognised', () => {
    expect(found('Chlorine', '7782-50-5')).toEqual({ name: '氯', by: 'cas', kind: 'table1' })
  })

  it('CAS typed with full-width digits still matches', () => {
    expect(found('x', '７７８２-５０-５')?.name).toBe('氯')
  })

  it('a secondary CAS on a row matches it (74-98-6 propane → row 52 液化石油气)', () => {
    expect(found('propane', '74-98-6')?.name).toBe('液化石油气(含丙烷、丁烷及其混合物)')
  })

  it('9004-70-0 is on six nitrocellulose rows (Table 1 rows 37–42): ambiguous, no match', () => {
    expect(found('硝化棉', '9004-70-0')).toBeUndefined()
  })

  it('6484-52-2 is on two ammonium nitrate rows (Table 1 rows 43–44): ambiguous, no match', () => {
    expect(found('硝铵', '6484-52-2')).toBeUndefined()
  })

  it('form-qualified rows are not chosen by CAS: 福尔马林 50-00-0, 盐酸 7647-01-0, 稀硝酸 7697-37-2', () => {
    expect(found('福尔马林', '50-00-0')).toBeUndefined()
    expect(found('盐酸', '7647-01-0')).toBeUndefined()
    expect(found('稀硝酸', '7697-37-2')).toBeUndefined()
  })

  it('but the exact name of a form-qualified row still matches (Table 1 row 44)', () => {
    expect(found('硝酸铵(含可燃物≤0.2%)', '6484-52-2')?.name).toBe('硝酸铵(含可燃物≤0.2%)')
  })

  it('一氧化碳 (Table 3 only) by name, alias CO and CAS 630-08-0', () => {
    expect(found('一氧化碳')).toEqual({ name: '一氧化碳', by: 'name', kind: 'table3' })
    expect(found('co')).toEqual({ name: '一氧化碳', by: 'alias', kind: 'table3' })
    expect(found('carbon monoxide', '630-08-0')).toEqual({
      name: '一氧化碳',
      by: 'cas',
      kind: 'table3',
    })
  })

  it('an unknown name and CAS → undefined', () => {
    expect(found('异丙醇', '67-63-0')).toBeUndefined()
    expect(found('')).toBeUndefined()
  })
})

describe('normaliseSubstanceName', () => {
  it('applies NFKC, drops whitespace, upper-cases Latin', () => {
    expect(normaliseSubstanceName(' 甲苯二异氰酸酯（tdi） ')).toBe('甲苯二异氰酸酯(TDI)')
  })
})
