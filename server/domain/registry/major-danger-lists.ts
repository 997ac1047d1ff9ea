/**
 * Published lists that decide whether a hidden danger is major (重大事故隐患). A danger is
 * major when it matches an item of its sector's list, and the item matched is recorded
 * (`majorListId` + `majorItem` on the danger). The lists are data with an id and a version so
 * that a revision can be added beside the old one (dangers recorded under the old list keep
 * pointing at it) and the sector mapping moved to the new id on the day it comes into force.
 *
 * Texts: Chinese as published (lightly abridged where an item is long), English as a short
 * gloss. See /work/shared/reference/risk-and-dangers.md "Major hidden dangers".
 */
import { z } from 'zod'
import type { Industry } from './industries.ts'

export interface MajorDangerItem {
  /** '1'…'20': the item's number in the published list. */
  readonly code: string
  readonly text: string
  readonly textEn: string
}

export interface MajorDangerList {
  readonly id: string
  readonly title: string
  /** The document that publishes the list (文号). */
  readonly source: string
  /** Date the list took effect, YYYY-MM-DD (issue date where no separate date is stated). */
  readonly inForce: string
  readonly version: string
  readonly note?: string
  readonly items: readonly MajorDangerItem[]
}

const numbered = (items: readonly (readonly [string, string])[]): MajorDangerItem[] =>
  items.map(([text, textEn], i) => ({ code: String(i + 1), text, textEn }))

export const chemicalsList2017: MajorDangerList = {
  id: 'chemicals-2017',
  title: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
  source: '安监总管三〔2017〕121号',
  inForce: '2017-11-13',
  version: '2017',
  items: numbered([
    [
      '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格',
      'Principal and safety managers not certified',
    ],
    ['特种作业人员未持证上岗', 'Special-operation workers uncertified'],
    [
      '涉及“两重点一重大”的生产装置、储存设施外部安全防护距离不符合国家标准要求',
      'External safety distance of "两重点一重大" units not met',
    ],
    [
      '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，装备的自动化控制系统、紧急停车系统未投入使用',
      'Key monitored hazardous processes without automatic control / emergency shutdown',
    ],
    [
      '构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源的危险化学品罐区未配备独立的安全仪表系统',
      'Grade 1/2 major-hazard tank farms without emergency cut-off, or (toxic gas, liquefied gas, highly toxic liquid) without an independent safety instrumented system',
    ],
    [
      '全压力式液化烃储罐未按国家标准设置注水措施',
      'Fully pressurised liquefied-hydrocarbon tanks without water injection',
    ],
    [
      '液化烃、液氨、液氯、硫化氢等易燃易爆及有毒有害液化气体的充装未使用万向管道充装系统',
      'Liquefied hazardous gas loading without universal-joint loading arms',
    ],
    [
      '光气、氯气等剧毒气体及硫化氢气体管道穿越除厂区（包括化工园区、工业园区）外的公共区域',
      'Toxic gas or H₂S pipelines crossing public areas outside the plant',
    ],
    [
      '地区架空电力线路穿越生产区且不符合国家标准要求',
      'Overhead power lines crossing the production area against the standard',
    ],
    [
      '在役化工装置未经正规设计且未进行安全设计诊断',
      'Unit in service without proper design and safety design diagnosis',
    ],
    [
      '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备',
      'Obsolete processes or equipment in use',
    ],
    [
      '涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备',
      'No gas detection alarms where leaks can occur, or non-explosion-proof electrics in hazardous areas',
    ],
    [
      '控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足国家标准关于防火防爆的要求',
      'Control room / cabinet room fire and blast protection not met',
    ],
    [
      '化工生产装置未按国家标准要求设置双重电源供电，自动化控制系统未设置不间断电源',
      'No dual power supply or no UPS for control systems',
    ],
    ['安全阀、爆破片等安全附件未正常投用', 'Safety valves or bursting discs not in service'],
    [
      '未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度',
      'No all-staff responsibility system or no hidden-danger investigation system',
    ],
    ['未制定操作规程和工艺控制指标', 'No operating procedures or process limits'],
    [
      '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行',
      'Hot work / confined space rules missing or not enforced',
    ],
    [
      '新开发的危险化学品生产工艺未经小试、中试、工业化试验直接进行工业化生产；国内首次使用的化工工艺未经过省级人民政府有关部门组织的安全可靠性论证；新建装置未制定试生产方案投料开车；精细化工企业未按规范性文件要求开展反应安全风险评估',
      'New process without trials, first-use process without provincial review, no trial-run plan, or no reaction risk assessment in fine chemicals',
    ],
    [
      '未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存',
      'Storage not segregated, over quantity or over variety, incompatible substances stored together',
    ],
  ]),
}

export const coalMinesList2020: MajorDangerList = {
  id: 'coal-2020',
  title: '煤矿重大事故隐患判定标准',
  source: '应急管理部令第4号',
  inForce: '2021-01-01',
  version: '2020',
  note:
    'A revision (应急管理部令第21号, in force 2026-07-01) is reported but its text was not read; ' +
    'add it as a new list and point the coal sector at it then.',
  items: numbered([
    ['超能力、超强度或者超定员组织生产', 'Over capacity, intensity or staffing'],
    ['瓦斯超限作业', 'Working with gas over limit'],
    ['煤与瓦斯突出矿井，未依照规定实施防突出措施', 'Outburst mines without outburst prevention'],
    [
      '高瓦斯矿井未建立瓦斯抽采系统和监控系统，或者系统不能正常运行',
      'High-gas mines without drainage or monitoring systems working',
    ],
    ['通风系统不完善、不可靠', 'Ventilation incomplete or unreliable'],
    ['有严重水患，未采取有效措施', 'Serious water hazard unmitigated'],
    ['超层越界开采', 'Mining beyond licensed seams or boundaries'],
    ['有冲击地压危险，未采取有效措施', 'Rock-burst hazard unmitigated'],
    ['自然发火严重，未采取有效措施', 'Serious spontaneous combustion unmitigated'],
    ['使用明令禁止使用或者淘汰的设备、工艺', 'Banned or obsolete equipment or processes'],
    ['煤矿没有双回路供电系统', 'No dual-circuit power'],
    [
      '新建煤矿边建设边生产，煤矿改扩建期间在改扩建区域生产，或者在其他区域的生产超出安全设计规定的范围和规模',
      'Producing while building or beyond the safety design',
    ],
    [
      '煤矿实行整体承包生产经营后未重新取得或者及时变更安全生产许可证而从事生产，或者承包方再次转包，以及将井下采掘工作面和井巷维修作业进行劳务承包',
      'Illegal contracting or subcontracting',
    ],
    [
      '煤矿改制期间未明确安全生产责任人和安全管理机构，或者在完成改制后未重新取得或者变更采矿许可证、安全生产许可证和营业执照',
      'Unclear responsibility or licences during restructuring',
    ],
    ['有其他重大事故隐患', 'Other major hidden dangers'],
  ]),
}

/** Every list the system knows, by id. Add a revision here; never edit a published one in place. */
export const majorDangerLists: Readonly<Record<string, MajorDangerList>> = {
  [chemicalsList2017.id]: chemicalsList2017,
  [coalMinesList2020.id]: coalMinesList2020,
}

export const majorListIds = Object.keys(majorDangerLists)

/** Shape check only; whether the id exists is `findMajorList`'s question (a rule, 422). */
export const majorListIdSchema = z.string().trim().min(1).max(50)

/** The list in force for each sector. Sectors without a list here need an explicit list id. */
export const listForIndustry: Readonly<Partial<Record<Industry, string>>> = {
  危险化学品: chemicalsList2017.id,
  煤矿: coalMinesList2020.id,
}

export function applicableListId(industry: string): string | null {
  return Object.hasOwn(listForIndustry, industry)
    ? (listForIndustry[industry as Industry] ?? null)
    : null
}

export function findMajorList(listId: string): MajorDangerList | null {
  return Object.hasOwn(majorDangerLists, listId) ? majorDangerLists[listId]! : null
}

export function findMajorItem(listId: string, code: string): MajorDangerItem | null {
  return findMajorList(listId)?.items.find((item) => item.code === code) ?? null
}
