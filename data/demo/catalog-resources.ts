/**
 * Rescue-resource vocabulary: per kind, the categories with their share, where they cluster
 * (anchor weight keys) and what they can do. Teams follow the industry they serve: 矿山救护队
 * near coal and ore fields, 危化品救援队 near chemical parks, 消防救援队 in every county.
 */
import type { resourceKinds } from '../../server/db/schema/resources.ts'
import type { InventoryLine } from '../../server/db/schema/resources.ts'
import type { WeightKey } from './anchors.ts'

export type ResourceKind = (typeof resourceKinds)[number]

export interface ResourceCategory {
  category: string
  share: number
  near: Partial<Record<WeightKey, number>>
  capabilities: readonly string[]
}

export interface KindProfile {
  /** Resources of this kind at resource scale 1. */
  count: number
  /** Name stem before the serial when it is not `示例${category}`. */
  stem?: string
  categories: readonly ResourceCategory[]
  /** Range of headcount (teams) or capacity (shelters: people, medical: beds). */
  headcount?: readonly [number, number]
  capacity?: readonly [number, number]
}

const c = (
  category: string,
  share: number,
  near: ResourceCategory['near'],
  capabilities: string[] = [],
): ResourceCategory => ({ category, share, near, capabilities })

const coal = { 煤矿: 4, 非煤矿山: 1 }
const chem = { 危险化学品: 1 }

export const kindProfiles: Record<ResourceKind, KindProfile> = {
  team: {
    count: 300,
    headcount: [12, 150],
    categories: [
      c('矿山救护队', 0.28, coal, ['矿井灭火', '瓦斯排放', '水害抢险', '被困人员搜救']),
      c('危化品救援队', 0.27, chem, ['侦检', '堵漏', '洗消', '泡沫灭火', '有毒气体处置']),
      c('消防救援队', 0.3, { county: 1 }, ['灭火', '破拆', '高空救援', '被困人员搜救']),
      c('医疗救护队', 0.07, { urban: 1 }, ['现场急救', '检伤分类', '伤员转运']),
      c('综合应急救援队', 0.08, { county: 1 }, ['抢险排涝', '被困人员搜救', '应急供电']),
    ],
  },
  warehouse: {
    count: 150,
    categories: [
      c('综合物资储备库', 0.45, { county: 1 }),
      c('危化品应急物资库', 0.3, chem),
      c('矿山应急物资库', 0.25, coal),
    ],
  },
  equipment: {
    count: 330,
    categories: [
      c('抢险救援车', 0.2, { urban: 1 }, ['破拆', '照明', '牵引']),
      c('泡沫消防车', 0.18, chem, ['泡沫灭火', '冷却']),
      c('危化品侦检车', 0.1, chem, ['侦检', '气体分析']),
      c('排水泵车', 0.14, coal, ['排水']),
      c('应急通信车', 0.08, { urban: 1 }, ['卫星通信', '图像回传']),
      c('挖掘机', 0.14, { county: 1 }, ['土方', '破拆']),
      c('无人机', 0.16, { urban: 1 }, ['航拍侦察', '测绘']),
    ],
  },
  expert: {
    count: 180,
    categories: [
      c('危化品专家', 0.35, { urban: 3, 危险化学品: 1 }, ['工艺安全', '泄漏处置', '事故调查']),
      c('矿山救援专家', 0.3, { urban: 3, 煤矿: 2 }, ['通风安全', '水害防治', '救援指挥']),
      c('消防专家', 0.15, { urban: 1 }, ['火灾扑救', '建筑防火']),
      c('医疗专家', 0.1, { urban: 1 }, ['中毒救治', '烧伤救治']),
      c('特种设备专家', 0.1, { urban: 1 }, ['压力容器', '起重机械']),
    ],
  },
  shelter: {
    count: 120,
    capacity: [300, 30000],
    categories: [
      c('室外应急避难场所', 0.7, { county: 1, urban: 0.5 }),
      c('室内应急避难场所', 0.3, { county: 1, urban: 0.5 }),
    ],
  },
  medical: {
    count: 120,
    capacity: [40, 2500],
    categories: [
      c('综合医院', 0.55, { urban: 1, county: 1 }, ['急诊', '外科', '重症监护']),
      c('急救中心', 0.25, { urban: 1, county: 1 }, ['院前急救', '伤员转运']),
      c('烧伤专科医院', 0.08, { urban: 1 }, ['烧伤救治']),
      c('职业病防治院', 0.12, { urban: 1, 煤矿: 0.2 }, ['中毒救治', '尘肺诊治']),
    ],
  },
}

type Line = readonly [string, string, number, number]

/** Warehouse stock: item, unit, and a quantity range; a warehouse holds 4–8 of its lines. */
export const inventoryLines: Record<string, readonly Line[]> = {
  综合物资储备库: [
    ['帐篷', '顶', 50, 2000],
    ['棉被', '床', 200, 10000],
    ['折叠床', '张', 100, 3000],
    ['移动发电机', '台', 2, 40],
    ['照明灯组', '套', 5, 80],
    ['编织袋', '条', 1000, 50000],
    ['救生衣', '件', 50, 2000],
    ['饮用水', '箱', 200, 8000],
  ],
  危化品应急物资库: [
    ['正压式空气呼吸器', '套', 10, 200],
    ['重型防化服', '套', 5, 100],
    ['堵漏器材', '套', 2, 40],
    ['吸附棉', 'kg', 100, 5000],
    ['泡沫灭火剂', 't', 1, 60],
    ['洗消剂', 'kg', 100, 3000],
    ['便携式气体检测仪', '台', 5, 100],
  ],
  矿山应急物资库: [
    ['自救器', '台', 100, 3000],
    ['隔绝式正压氧气呼吸器', '台', 10, 200],
    ['矿用排水泵', '台', 2, 30],
    ['风筒', 'm', 200, 5000],
    ['液压支柱', '根', 50, 1500],
    ['瓦斯检测仪', '台', 10, 300],
    ['担架', '副', 10, 200],
  ],
}

export type { InventoryLine }

export const resourceStatusWeights = [
  ['available', 85],
  ['dispatched', 8],
  ['out_of_service', 7],
] as const
