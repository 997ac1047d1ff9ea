import { describe, expect, it } from 'vitest'
import { industries } from './industries.ts'
import {
  applicableListId,
  chemicalsList2017,
  coalMinesList2020,
  findMajorItem,
  findMajorList,
  majorDangerLists,
  majorListIds,
} from './major-danger-lists.ts'

describe('major hidden danger lists', () => {
  it('chemicals: 安监总管三〔2017〕121号 has 20 items numbered 1…20', () => {
    expect(chemicalsList2017.source).toBe('安监总管三〔2017〕121号')
    expect(chemicalsList2017.items.map((i) => i.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1)),
    )
  })

  it('coal mines: 应急管理部令第4号, in force 2021-01-01, 15 categories', () => {
    expect(coalMinesList2020.source).toBe('应急管理部令第4号')
    expect(coalMinesList2020.inForce).toBe('2021-01-01')
    expect(coalMinesList2020.items.map((i) => i.code)).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i + 1)),
    )
    expect(coalMinesList2020.note).toContain('第21号')
  })

  it('every item has Chinese and English text; ids are unique and carry a version', () => {
    for (const id of majorListIds) {
      const list = majorDangerLists[id]!
      expect(list.id).toBe(id)
      expect(list.version).toMatch(/^\d{4}$/)
      for (const item of list.items) {
        expect(item.text).toMatch(/[\u4e00-\u9fff]/)
        expect(item.textEn.length).toBeGreaterThan(5)
      }
    }
  })

  it('finds items at both ends of each list and nothing beyond', () => {
    expect(findMajorItem('chemicals-2017', '1')?.text).toContain('主要负责人')
    expect(findMajorItem('chemicals-2017', '12')?.text).toContain('检测报警')
    expect(findMajorItem('chemicals-2017', '20')?.text).toContain('禁配')
    expect(findMajorItem('chemicals-2017', '21')).toBeNull()
    expect(findMajorItem('chemicals-2017', '0')).toBeNull()
    expect(findMajorItem('chemicals-2017', '01')).toBeNull()
    expect(findMajorItem('coal-2020', '2')?.text).toBe('瓦斯超限作业')
    expect(findMajorItem('coal-2020', '15')?.text).toBe('有其他重大事故隐患')
    expect(findMajorItem('coal-2020', '16')).toBeNull()
    expect(findMajorItem('coal-2026', '1')).toBeNull()
    expect(findMajorItem('toString', '1')).toBeNull()
    expect(findMajorList('constructor')).toBeNull()
  })

  it('maps sectors to their list: 危险化学品 → chemicals, 煤矿 → coal, others none', () => {
    expect(applicableListId('危险化学品')).toBe('chemicals-2017')
    expect(applicableListId('煤矿')).toBe('coal-2020')
    for (const other of industries.filter((i) => i !== '危险化学品' && i !== '煤矿')) {
      expect(applicableListId(other)).toBeNull()
    }
    expect(applicableListId('toString')).toBeNull()
  })
})
