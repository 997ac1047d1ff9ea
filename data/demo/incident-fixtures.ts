/**
 * The demo incidents as data: what happened, where, the figures, and when each step was
 * taken (minutes after the accident). incidents.ts writes them; grades and deadlines are
 * never written here but computed from the figures by the domain rules.
 */
import type { incidentTypes } from '../../server/db/schema/incidents.ts'
import type { ReportingLevel } from '../../server/domain/incidents/accident-reporting.ts'
import type {
  DispatchStatus,
  IncidentStatus,
} from '../../server/domain/incidents/incident-status.ts'
import type { LngLat } from '../../server/lib/registry/location.ts'

export interface Figures {
  deaths: number
  seriousInjuries: number
  missing: number
  directLossYuan: number
}

/**
 * Where the incident happened: at a demo enterprise of the industry (in the city when it has
 * one, else elsewhere in 陕西; at its unit holding the substance when given), or at a point.
 */
export type Place =
  { industry: string; cityPrefix: string; substance?: string; offset?: LngLat } | { point: LngLat }

export interface DemoDispatch {
  category: string
  /** Minutes after the accident for each step reached; the last one is the current status. */
  steps: Partial<Record<DispatchStatus, number>>
}

export interface DemoIncident {
  key: string
  type: (typeof incidentTypes)[number]
  /** Minutes before the seed time. */
  occurredMinutesAgo: number
  place: Place
  address: string
  figures: Figures
  /** First report's figures when a 续报 changed them (and possibly the grade). */
  firstReport?: { figures: Figures; atMinute: number }
  substance?: string
  description: string
  reporterName: string
  reporterContact: string
  /** Status changes, minutes after the accident. */
  statusSteps: Partial<Record<Exclude<IncidentStatus, 'reported'>, number>>
  /** Levels marked as told, minutes after the accident. */
  told: Partial<Record<ReportingLevel, number>>
  dispatches: DemoDispatch[]
  notes: { atMinute: number; text: string }[]
}

export const demoIncidents: DemoIncident[] = [
  {
    key: 'chlorine-leak',
    type: '泄漏',
    occurredMinutesAgo: 45,
    place: { industry: '危险化学品', cityPrefix: '6101', substance: '液氯' },
    address: '液氯储罐区 2# 储罐出口阀',
    figures: { deaths: 0, seriousInjuries: 4, missing: 0, directLossYuan: 600_000 },
    substance: '液氯',
    description:
      '液氯储罐出口阀法兰垫片破损发生泄漏，4 名操作工吸入氯气中毒送医，厂区下风向 500 m 内人员疏散。',
    reporterName: '厂区值班长 王建军',
    reporterContact: '029-8866 1201',
    statusSteps: { responding: 12 },
    told: { county: 25 },
    dispatches: [
      { category: '危化品救援队', steps: { dispatched: 14, en_route: 18, on_scene: 38 } },
      { category: '危化品侦检车', steps: { dispatched: 14, en_route: 20 } },
      { category: '危化品专家', steps: { dispatched: 30 } },
    ],
    notes: [{ atMinute: 40, text: '救援队到场，开始关阀堵漏，下风向设水幕稀释。' }],
  },
  {
    key: 'coal-mine-inrush',
    type: '透水',
    occurredMinutesAgo: 200,
    place: { industry: '煤矿', cityPrefix: '6108' },
    address: '井下 3105 综采工作面回风巷',
    figures: { deaths: 3, seriousInjuries: 2, missing: 6, directLossYuan: 4_500_000 },
    firstReport: {
      figures: { deaths: 1, seriousInjuries: 2, missing: 8, directLossYuan: 2_000_000 },
      atMinute: 150,
    },
    description: '掘进工作面发生老空水透水，当班 41 人中 33 人升井，6 人被困。排水与搜救同时进行。',
    reporterName: '矿调度室 李志强',
    reporterContact: '0912-335 6688',
    statusSteps: { responding: 20 },
    told: { county: 50, city: 110 },
    dispatches: [
      {
        category: '矿山救护队',
        steps: { dispatched: 22, en_route: 25, on_scene: 70 },
      },
      { category: '排水泵车', steps: { dispatched: 40, en_route: 45, on_scene: 130 } },
      { category: '矿山救援专家', steps: { dispatched: 60, en_route: 65 } },
    ],
    notes: [
      { atMinute: 90, text: '救护队下井侦察，水位 1.2 m，正在布置排水管路。' },
      { atMinute: 150, text: '续报：发现 2 名遇难人员，死亡人数升至 3 人。' },
    ],
  },
  {
    key: 'plant-fire',
    type: '火灾',
    occurredMinutesAgo: 420,
    place: { industry: '冶金工贸', cityPrefix: '6105' },
    address: '成品仓库东侧包装车间',
    figures: { deaths: 0, seriousInjuries: 2, missing: 0, directLossYuan: 1_800_000 },
    description: '包装车间电气线路短路引燃纸箱，火势蔓延至成品仓库，2 名员工疏散时烧伤。',
    reporterName: '安全员 赵丽',
    reporterContact: '0913-221 7730',
    statusSteps: { responding: 10, controlled: 140 },
    told: { county: 40, city: 120 },
    dispatches: [
      { category: '消防救援队', steps: { dispatched: 8, en_route: 9, on_scene: 30 } },
      {
        category: '抢险救援车',
        steps: { dispatched: 15, en_route: 18, on_scene: 45, withdrawn: 200 },
      },
    ],
    notes: [{ atMinute: 140, text: '明火已扑灭，消防队留守监护防止复燃。' }],
  },
  {
    key: 'chemical-explosion',
    type: '爆炸',
    occurredMinutesAgo: 26 * 60,
    place: { industry: '危险化学品', cityPrefix: '6108', offset: [0.002, 0.001] },
    address: '甲醇合成装置区',
    figures: { deaths: 10, seriousInjuries: 23, missing: 1, directLossYuan: 62_000_000 },
    substance: '甲醇',
    description: '甲醇合成装置检修后开车过程中发生爆炸并引发火灾，装置区及相邻罐区受损。',
    reporterName: '企业应急办 陈涛',
    reporterContact: '0912-350 9911',
    statusSteps: { responding: 15, controlled: 600 },
    told: { county: 45, city: 130, province: 220, national: 330 },
    dispatches: [
      { category: '危化品救援队', steps: { dispatched: 16, en_route: 18, on_scene: 60 } },
      { category: '泡沫消防车', steps: { dispatched: 16, en_route: 20, on_scene: 65 } },
      { category: '医疗救护队', steps: { dispatched: 25, en_route: 28, on_scene: 80 } },
      { category: '应急通信车', steps: { dispatched: 90, en_route: 95, on_scene: 200 } },
    ],
    notes: [
      { atMinute: 240, text: '省厅工作组到达现场，成立现场指挥部。' },
      { atMinute: 600, text: '火势得到控制，开始搜救失联人员。' },
    ],
  },
  {
    key: 'tailings-collapse',
    type: '坍塌',
    occurredMinutesAgo: 5 * 24 * 60,
    place: { industry: '非煤矿山', cityPrefix: '6110' },
    address: '露天采场 +860 m 平台',
    figures: { deaths: 1, seriousInjuries: 0, missing: 0, directLossYuan: 900_000 },
    description: '采场边坡局部坍塌，掩埋 1 台装载机，司机经抢救无效死亡。',
    reporterName: '矿长 孙伟',
    reporterContact: '0914-288 3456',
    statusSteps: { responding: 20, controlled: 180, closed: 3 * 24 * 60 },
    told: { county: 35, city: 100 },
    // Closed: whatever was sent has come back.
    dispatches: [
      {
        category: '挖掘机',
        steps: { dispatched: 25, en_route: 28, on_scene: 75, withdrawn: 2 * 24 * 60 },
      },
    ],
    notes: [{ atMinute: 3 * 24 * 60, text: '善后完成，转入事故调查，现场处置结案。' }],
  },
  {
    key: 'confined-space',
    type: '中毒窒息',
    occurredMinutesAgo: 20,
    place: { point: [108.9052, 34.2046] },
    address: '雁塔区 电子二路 在建商业综合体 地下污水井',
    figures: { deaths: 2, seriousInjuries: 1, missing: 0, directLossYuan: 0 },
    description: '2 名作业人员进入污水井清淤未检测气体，相继晕倒，1 名施救人员中毒。',
    reporterName: '施工单位 项目经理 刘洋',
    reporterContact: '138 9180 2233',
    statusSteps: {},
    told: {},
    dispatches: [],
    notes: [],
  },
  {
    key: 'tanker-rollover',
    type: '危化品运输',
    occurredMinutesAgo: 10 * 60,
    place: { point: [107.2552, 34.3582] },
    address: '连霍高速 G30 宝鸡段 K1187 西行',
    figures: { deaths: 0, seriousInjuries: 1, missing: 0, directLossYuan: 350_000 },
    substance: '液化石油气',
    description: '液化石油气槽车侧翻，罐体未破损，驾驶员受伤。高速临时封闭，倒罐作业。',
    reporterName: '高速交警 周斌',
    reporterContact: '0917-122',
    statusSteps: { responding: 15, controlled: 300 },
    told: { county: 50, city: 150 },
    dispatches: [
      {
        category: '危化品侦检车',
        steps: { dispatched: 20, en_route: 22, on_scene: 70, withdrawn: 360 },
      },
      { category: '综合应急救援队', steps: { dispatched: 20, en_route: 25, on_scene: 80 } },
    ],
    notes: [{ atMinute: 300, text: '倒罐完成，槽车起吊，高速恢复单幅通行。' }],
  },
  {
    key: 'roof-fall',
    type: '冒顶片帮',
    occurredMinutesAgo: 95,
    place: { industry: '煤矿', cityPrefix: '610802' },
    address: '井下 2-2 煤 12205 工作面运输巷',
    figures: { deaths: 1, seriousInjuries: 0, missing: 0, directLossYuan: 300_000 },
    description: '运输巷顶板局部冒落，1 名支护工被埋，已救出送医后死亡。',
    reporterName: '矿调度室 马强',
    reporterContact: '0912-361 0088',
    statusSteps: {},
    told: {},
    dispatches: [],
    notes: [],
  },
]
