/**
 * GB 18218-2018 危险化学品重大危险源辨识 — Tables 2 to 5 and the grade bands, as data.
 *
 * Table 1 (the 85 named substances) lives in `gb18218-substances.ts`. Quantities are tonnes.
 * Nothing here computes; `gb18218.ts` applies the tables.
 */
import { z } from 'zod'

/**
 * Hazard categories of Table 2 (未在表1中列举的危险化学品类别). J = health hazard (健康危害,
 * acute toxicity), W = physical hazard (物理危险). The codes are the standard's own.
 */
export const hazardCategoryCodes = [
  'J1',
  'J2',
  'J3',
  'J4',
  'J5',
  'W1.1',
  'W1.2',
  'W1.3',
  'W2',
  'W3',
  'W4',
  'W5.1',
  'W5.2',
  'W5.3',
  'W5.4',
  'W6.1',
  'W6.2',
  'W7.1',
  'W7.2',
  'W8',
  'W9.1',
  'W9.2',
  'W10',
  'W11',
] as const

/** The API validates a caller-supplied category with this; messages are zod's (English). */
export const hazardCategorySchema = z.enum(hazardCategoryCodes)
export type HazardCategory = z.infer<typeof hazardCategorySchema>

export interface HazardCategoryInfo {
  readonly code: HazardCategory
  /** Table 2 threshold Q (临界量) in tonnes, used when the substance is not in Table 1. */
  readonly thresholdTonnes: number
  /** Table 4 correction factor β (校正系数), used when the substance is not in Table 3. */
  readonly beta: number
  /** Hazard class and scope as Table 2 words it (危险性分类及说明), abridged. */
  readonly labelZh: string
  readonly labelEn: string
}

const cat = (
  code: HazardCategory,
  thresholdTonnes: number,
  beta: number,
  labelZh: string,
  labelEn: string,
): HazardCategoryInfo => ({ code, thresholdTonnes, beta, labelZh, labelEn })

/**
 * Table 2 (Q by category) and Table 4 (β by category) share their rows, so they are one record:
 * keying on `HazardCategory` makes the compiler insist that every category has both numbers.
 * W3 (aerosols) is net weight (净重), as the standard says.
 */
export const hazardCategoryTable: Readonly<Record<HazardCategory, HazardCategoryInfo>> = {
  J1: cat('J1', 5, 4, '急性毒性 类别1, 所有暴露途径, 气体', 'acute toxicity cat. 1, gas'),
  J2: cat(
    'J2',
    50,
    1,
    '急性毒性 类别1, 所有暴露途径, 固体、液体',
    'acute toxicity cat. 1, solid or liquid',
  ),
  J3: cat('J3', 50, 2, '急性毒性 类别2、类别3, 所有暴露途径, 气体', 'acute toxicity cat. 2–3, gas'),
  J4: cat(
    'J4',
    50,
    2,
    '急性毒性 类别2、类别3, 吸入途径, 液体(沸点≤35℃)',
    'acute toxicity cat. 2–3 by inhalation, liquid boiling ≤ 35 °C',
  ),
  J5: cat(
    'J5',
    500,
    1,
    '急性毒性 类别2, 所有暴露途径, 液体(除J4外)、固体',
    'acute toxicity cat. 2, liquid (other than J4) or solid',
  ),
  'W1.1': cat('W1.1', 1, 2, '不稳定爆炸物, 1.1项爆炸物', 'unstable explosives, division 1.1'),
  'W1.2': cat(
    'W1.2',
    10,
    2,
    '1.2、1.3、1.5、1.6项爆炸物',
    'explosives, divisions 1.2, 1.3, 1.5, 1.6',
  ),
  'W1.3': cat('W1.3', 50, 2, '1.4项爆炸物', 'explosives, division 1.4'),
  W2: cat('W2', 10, 1.5, '易燃气体 类别1和类别2', 'flammable gases cat. 1 and 2'),
  W3: cat('W3', 150, 1, '气溶胶 类别1和类别2 (净重)', 'aerosols cat. 1 and 2 (net weight)'),
  W4: cat('W4', 50, 1, '氧化性气体 类别1', 'oxidizing gases cat. 1'),
  'W5.1': cat(
    'W5.1',
    10,
    1.5,
    '易燃液体 类别1; 类别2和3, 工作温度高于沸点',
    'flammable liquids cat. 1; cat. 2–3 handled above their boiling point',
  ),
  'W5.2': cat(
    'W5.2',
    50,
    1,
    '易燃液体 类别2和3, 具有引发重大事故的特殊工艺条件',
    'flammable liquids cat. 2–3 under special process conditions (e.g. > 1.6 MPa)',
  ),
  'W5.3': cat('W5.3', 1000, 1, '不属于W5.1或W5.2的其他类别2', 'other flammable liquids cat. 2'),
  'W5.4': cat('W5.4', 5000, 1, '不属于W5.1或W5.2的其他类别3', 'other flammable liquids cat. 3'),
  'W6.1': cat(
    'W6.1',
    10,
    1.5,
    '自反应物质和混合物 A型和B型',
    'self-reactive substances types A and B',
  ),
  'W6.2': cat(
    'W6.2',
    50,
    1,
    '自反应物质和混合物 C型、D型和E型',
    'self-reactive substances types C–E',
  ),
  'W7.1': cat('W7.1', 10, 1.5, '有机过氧化物 A型和B型', 'organic peroxides types A and B'),
  'W7.2': cat('W7.2', 50, 1, '有机过氧化物 C型、D型、E型、F型', 'organic peroxides types C–F'),
  W8: cat('W8', 50, 1, '自燃液体和自燃固体 类别1', 'pyrophoric liquids and solids cat. 1'),
  'W9.1': cat('W9.1', 50, 1, '氧化性固体和液体 类别1', 'oxidizing solids and liquids cat. 1'),
  'W9.2': cat(
    'W9.2',
    200,
    1,
    '氧化性固体和液体 类别2、类别3',
    'oxidizing solids and liquids cat. 2–3',
  ),
  W10: cat('W10', 200, 1, '易燃固体 类别1', 'flammable solids cat. 1'),
  W11: cat(
    'W11',
    200,
    1,
    '遇水放出易燃气体的物质和混合物 类别1和类别2',
    'substances emitting flammable gas with water cat. 1 and 2',
  ),
}

/** A toxic gas of Table 3 (毒性气体校正系数β取值表). */
export interface ToxicGasBeta {
  readonly name: string
  readonly cas: string
  readonly beta: number
  /** Extra names accepted for this gas when it is not reached through a Table 1 row. */
  readonly aliases?: readonly string[]
  /**
   * Only for a Table 3 gas that Table 1 does not list (一氧化碳 is the only one): the Table 2
   * category that supplies its threshold Q when the caller gives none. Project decision,
   * see `gb18218.ts`.
   */
  readonly categoryIfNotInTable1?: HazardCategory
}

/**
 * Table 3. Every gas except 一氧化碳 is also a Table 1 row; those are linked to their row by CAS
 * (each of these CAS numbers appears on exactly one Table 1 row — a test checks it).
 *
 * 一氧化碳 (CO) is both a flammable gas (易燃气体 类别1 → W2, Q 10 t) and an acutely toxic gas
 * (急性毒性-吸入 类别3 → J3, Q 50 t). We default to W2: the lower, stricter threshold, which
 * is the usual reading for a substance with several hazards. A caller may pass J3 instead.
 */
export const toxicGasBetaTable: readonly ToxicGasBeta[] = [
  { name: '一氧化碳', cas: '630-08-0', beta: 2, aliases: ['CO'], categoryIfNotInTable1: 'W2' },
  { name: '二氧化硫', cas: '7446-09-5', beta: 2 },
  { name: '氨', cas: '7664-41-7', beta: 2 },
  { name: '环氧乙烷', cas: '75-21-8', beta: 2 },
  { name: '氯化氢', cas: '7647-01-0', beta: 3 },
  { name: '溴甲烷', cas: '74-83-9', beta: 3 },
  { name: '氯', cas: '7782-50-5', beta: 4 },
  { name: '硫化氢', cas: '7783-06-4', beta: 5 },
  { name: '氟化氢', cas: '7664-39-3', beta: 5 },
  { name: '二氧化氮', cas: '10102-44-0', beta: 10 },
  { name: '氰化氢', cas: '74-90-8', beta: 10 },
  { name: '碳酰氯', cas: '75-44-5', beta: 20 },
  { name: '磷化氢', cas: '7803-51-2', beta: 20 },
  { name: '异氰酸甲酯', cas: '624-83-9', beta: 20 },
]

/**
 * Table 5: α from the number of people who may be exposed, living within 500 m of the unit's
 * boundary (厂区边界向外扩展500米范围内常住人口). "以上" includes the number itself, so each band
 * starts at `minPeople` inclusive; ordered from the highest band down.
 */
export const alphaBands: readonly { readonly minPeople: number; readonly alpha: number }[] = [
  { minPeople: 100, alpha: 2.0 },
  { minPeople: 50, alpha: 1.5 },
  { minPeople: 30, alpha: 1.2 },
  { minPeople: 1, alpha: 1.0 },
  { minPeople: 0, alpha: 0.5 },
]

/** Major hazard source grades (重大危险源级别), 一级 the most severe. */
export const hazardGrades = ['一级', '二级', '三级', '四级'] as const
export const hazardGradeSchema = z.enum(hazardGrades)
export type HazardGrade = z.infer<typeof hazardGradeSchema>

/**
 * Grade bands on R (section 4.3, 重大危险源分级). A boundary value belongs to the higher grade:
 * R ≥ 100 一级, 50 ≤ R < 100 二级, 10 ≤ R < 50 三级, R < 10 四级. Ordered from the top.
 */
export const gradeBands: readonly { readonly grade: HazardGrade; readonly minR: number }[] = [
  { grade: '一级', minR: 100 },
  { grade: '二级', minR: 50 },
  { grade: '三级', minR: 10 },
  { grade: '四级', minR: 0 },
]

/** Identification criterion (section 4.2, 辨识指标): the unit is a major hazard source when S ≥ 1. */
export const MAJOR_HAZARD_MIN_S = 1
