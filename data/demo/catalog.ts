/**
 * Vocabulary of the demo data: how many enterprises of each industry, what they are called,
 * and which hazard units (with real GB 18218 Table 1 substances) each industry runs.
 */
import type { Industry } from '../../server/db/schema/enterprises.ts'
import type { unitKinds } from '../../server/db/schema/hazard-sources.ts'
import type { HazardCategory } from '../../server/domain/registry/gb18218-tables.ts'

export type UnitKind = (typeof unitKinds)[number]

export interface IndustryProfile {
  /** Enterprises at scale 1. */
  count: number
  /** Name stems; a mine's stem comes from its anchor's mineral instead. */
  stems: readonly string[]
  employees: readonly [number, number]
  /** Share of the hazard sources at this industry's enterprises. */
  hazardShare: number
  /** Share of the hidden dangers found at this industry's enterprises. */
  dangerShare: number
}

export const industryProfiles: Record<Industry, IndustryProfile> = {
  危险化学品: {
    count: 560,
    stems: [
      '示例化工有限公司',
      '示例能源化工有限公司',
      '示例危化品储运有限公司',
      '示例石化有限公司',
    ],
    employees: [30, 2500],
    hazardShare: 0.85,
    dangerShare: 0.35,
  },
  煤矿: {
    count: 220,
    stems: ['示例煤矿'],
    employees: [150, 3000],
    hazardShare: 0,
    dangerShare: 0.2,
  },
  非煤矿山: {
    count: 300,
    stems: ['示例矿山'],
    employees: [20, 600],
    hazardShare: 0.02,
    dangerShare: 0.15,
  },
  烟花爆竹: {
    count: 140,
    stems: ['示例烟花爆竹有限公司', '示例烟花爆竹批发有限公司'],
    employees: [10, 200],
    hazardShare: 0.02,
    dangerShare: 0.07,
  },
  冶金工贸: {
    count: 480,
    stems: ['示例钢铁有限公司', '示例铝镁合金有限公司', '示例机械制造有限公司', '示例建材有限公司'],
    employees: [40, 4000],
    hazardShare: 0.07,
    dangerShare: 0.18,
  },
  其他: {
    count: 300,
    stems: ['示例物流有限公司', '示例燃气有限公司', '示例食品有限公司'],
    employees: [10, 500],
    hazardShare: 0.04,
    dangerShare: 0.05,
  },
}

export interface TemplateSubstance {
  /** A Table 1 name or alias; or a free name with a Table 2 category. */
  name: string
  category?: HazardCategory
  /** Share of the unit's total tonnage. */
  share: number
}

export interface HazardTemplate {
  /** What the unit is called after its number: 甲醇储罐区 → 1号甲醇储罐区. */
  label: string
  unitKind: UnitKind
  substances: readonly TemplateSubstance[]
  /** Largest plausible total quantity, tonnes. */
  maxTonnes: number
  weight: number
}

const t = (
  label: string,
  unitKind: UnitKind,
  substances: TemplateSubstance[],
  maxTonnes: number,
  weight: number,
): HazardTemplate => ({ label, unitKind, substances, maxTonnes, weight })
const one = (name: string): TemplateSubstance[] => [{ name, share: 1 }]

export const hazardTemplates: Partial<Record<Industry, readonly HazardTemplate[]>> = {
  危险化学品: [
    t('甲醇储罐区', '储罐区', one('甲醇'), 60000, 10),
    t(
      '苯储罐区',
      '储罐区',
      [
        { name: '苯', share: 0.6 },
        { name: '甲苯', share: 0.4 },
      ],
      20000,
      5,
    ),
    t('成品油储罐区', '储罐区', one('汽油'), 50000, 6),
    t('液化石油气储罐区', '储罐区', one('液化石油气'), 5000, 6),
    t('液氨储罐区', '储罐区', one('液氨'), 3000, 5),
    t('液氯储罐区', '储罐区', one('液氯'), 600, 3),
    t('环氧乙烷储罐区', '储罐区', one('环氧乙烷'), 2000, 2),
    t('乙醇储罐区', '储罐区', one('乙醇'), 30000, 3),
    t('液化天然气储罐区', '储罐区', one('液化天然气'), 20000, 3),
    t('氢气储罐区', '储罐区', one('氢气'), 60, 1),
    t(
      '聚氯乙烯生产装置',
      '生产装置',
      [
        { name: '氯乙烯', share: 0.7 },
        { name: '氯化氢', share: 0.2 },
        { name: '乙炔', share: 0.1 },
      ],
      5000,
      3,
    ),
    t(
      '合成氨装置',
      '生产装置',
      [
        { name: '氨', share: 0.75 },
        { name: '氢', share: 0.25 },
      ],
      3000,
      4,
    ),
    t(
      '煤制甲醇装置',
      '生产装置',
      [
        { name: '甲醇', share: 0.55 },
        { name: '煤气', share: 0.3 },
        { name: '氢', share: 0.13 },
        { name: '硫化氢', share: 0.02 },
      ],
      20000,
      6,
    ),
    t(
      '光气化装置',
      '生产装置',
      [
        { name: '光气', share: 0.2 },
        { name: '氯', share: 0.8 },
      ],
      200,
      1,
    ),
    t(
      '天然气净化装置',
      '生产装置',
      [
        { name: '天然气', share: 0.9 },
        { name: '硫化氢', share: 0.1 },
      ],
      3000,
      2,
    ),
    t('电石库', '库区', one('电石'), 20000, 3),
    t('硝酸铵库', '库区', one('硝酸铵(含可燃物≤0.2%)'), 20000, 1),
  ],
  冶金工贸: [
    t('煤气柜', '储罐区', one('煤气'), 2000, 5),
    t('液氧储罐区', '储罐区', one('液氧'), 10000, 3),
    t('制氢装置', '生产装置', one('氢'), 100, 1),
  ],
  其他: [
    t('油库', '储罐区', one('汽油'), 30000, 3),
    t('LNG储罐区', '储罐区', one('液化天然气'), 5000, 2),
    t('液化石油气储配站', '储罐区', one('液化石油气'), 3000, 2),
  ],
  非煤矿山: [
    t(
      '炸药库',
      '库区',
      [
        { name: '硝酸铵(含可燃物>0.2%)', share: 0.9 },
        { name: 'TNT', share: 0.1 },
      ],
      500,
      1,
    ),
  ],
  烟花爆竹: [
    t(
      '烟花爆竹成品库',
      '库区',
      [
        { name: '烟花爆竹成品', category: 'W1.3', share: 0.9 },
        { name: '黑火药', category: 'W1.2', share: 0.1 },
      ],
      3000,
      1,
    ),
  ],
}

/** Target shares of the hazard-source grades; 'none' is a unit below the threshold (S < 1). */
export const gradeTargets = [
  ['一级', 0.05],
  ['二级', 0.15],
  ['三级', 0.38],
  ['四级', 0.38],
  ['none', 0.04],
] as const
export type GradeTarget = (typeof gradeTargets)[number][0]

/** R ranges aimed at inside each grade band, away from the edges (S for 'none'). */
export const gradeAims: Record<GradeTarget, readonly [number, number]> = {
  一级: [110, 400],
  二级: [55, 92],
  三级: [12, 45],
  四级: [1, 9.2],
  none: [0.15, 0.9],
}

export const surnames = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董'
export const givenNames = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀兰霞平刚桂英华建国志红文斌宇浩鹏飞'

/** Telephone area codes of the ten cities, by the first four digits of the county code. */
export const areaCodes: Record<string, string> = {
  '6101': '029',
  '6102': '0919',
  '6103': '0917',
  '6104': '029',
  '6105': '0913',
  '6106': '0911',
  '6107': '0916',
  '6108': '0912',
  '6109': '0915',
  '6110': '0914',
}
