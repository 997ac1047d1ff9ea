/**
 * The demo 应急预案: real-sounding plans for the demo regions and for the enterprise of the
 * chlorine-leak demo incident, with their versions (superseded ones kept, one draft under
 * revision) and one plan overdue for its three-year review (西安市, in force since 2022).
 * Step resources name demo resource categories, so the shortfall of an activation is real.
 */
import type {
  PlanKind,
  PlanLevel,
  PlanStep,
  ResponseLevelRule,
} from '../../server/domain/plans/index.ts'

export interface DemoPlanVersion {
  status: 'draft' | 'approved' | 'in_force' | 'superseded'
  /** in force (or was): YYYY-MM-DD */
  inForceFrom?: string
  approvedBy?: string
  note?: string
  steps: PlanStep[]
  responseLevels: ResponseLevelRule[]
  contacts: { role: string; name: string; phone: string }[]
  body: string
}

export interface DemoPlanSpec {
  key: string
  level: PlanLevel
  kind: PlanKind
  title: string
  /** A region code, or 'incident-enterprise' for the chlorine-leak incident's enterprise. */
  owner: string
  incidentTypes: string[]
  substances: string[]
  /** Bind the plan to the incident's hazard source too. */
  ownHazardSource?: boolean
  versions: DemoPlanVersion[]
}

const step = (
  key: string,
  title: string,
  role: string,
  targetMinutes: number,
  resources: PlanStep['resources'] = [],
): PlanStep => ({ key, title, role, targetMinutes, resources })

const levels4 = (i: string, ii: string, iii: string, iv: string): ResponseLevelRule[] => [
  { level: 'I', trigger: i },
  { level: 'II', trigger: ii },
  { level: 'III', trigger: iii },
  { level: 'IV', trigger: iv },
]

const gradeLevels = levels4(
  '特别重大事故：死亡 30 人以上，或重伤 100 人以上，或直接经济损失 1 亿元以上',
  '重大事故：死亡 10–29 人，或重伤 50–99 人，或直接经济损失 5000 万–1 亿元',
  '较大事故：死亡 3–9 人，或重伤 10–49 人，或直接经济损失 1000 万–5000 万元',
  '一般事故：死亡 1–2 人，或重伤 1–9 人，或超出企业处置能力',
)

const comprehensiveSteps = (who: string): PlanStep[] => [
  step('1', '接报核实事故信息，按规定时限上报', `${who}应急管理局值班室`, 15),
  step('2', '启动响应，成立现场指挥部', `${who}人民政府`, 30),
  step('3', '调派专业救援队伍赶赴现场', '现场指挥部', 45, [{ kind: 'team', quantity: 2 }]),
  step('4', '医疗救护到场，伤员检伤分类与转运', '卫生健康部门', 60, [
    { kind: '医疗救护队', quantity: 1 },
  ]),
  step('5', '设立警戒区，疏散周边群众', '公安部门', 60),
  step('6', '调拨应急物资', '应急管理局物资保障组', 90, [{ kind: 'warehouse', quantity: 1 }]),
  step('7', '发布事故信息，做好舆情引导', '宣传部门', 120),
]

const comprehensiveBody = (name: string, revised = false) =>
  [
    `# ${name}生产安全事故应急预案`,
    '',
    '## 1 总则',
    '',
    '### 1.1 编制目的',
    `规范${name}生产安全事故应急管理和应急响应程序，及时有效地实施应急救援工作，最大程度地减少人员伤亡、财产损失。`,
    '',
    '### 1.2 编制依据',
    '- 《中华人民共和国安全生产法》',
    '- 《中华人民共和国突发事件应对法》',
    '- 《生产安全事故应急条例》（国务院令第 708 号）',
    '- 《生产安全事故应急预案管理办法》（应急管理部令第 2 号）',
    ...(revised ? ['- 《突发事件应急预案管理办法》（国办发〔2024〕5 号）'] : []),
    '',
    '### 1.3 工作原则',
    '以人为本、安全第一；统一领导、分级负责；属地为主、协调联动；依靠科学、依法规范。',
    '',
    '## 2 组织机构及职责',
    `${name}人民政府设立生产安全事故应急指挥部，总指挥由分管安全生产工作的负责同志担任。`,
    '',
    '## 3 响应分级',
    '按事故严重程度和影响范围，应急响应分为 **Ⅰ级、Ⅱ级、Ⅲ级、Ⅳ级** 四个级别。',
    '',
    '## 4 应急响应',
    '1. 信息报告：事故发生单位 1 小时内报告属地应急管理部门。',
    '2. 先期处置：事发单位立即组织自救，控制危险源，疏散人员。',
    revised
      ? '3. 分级响应：指挥部根据事故等级启动相应响应，30 分钟内成立现场指挥部。'
      : '3. 分级响应：指挥部根据事故等级启动相应响应。',
    '4. 响应结束：险情排除、伤员妥善救治后，由指挥部宣布应急结束。',
    '',
    '## 5 后期处置',
    '做好善后处置、保险理赔、事故调查和总结评估工作。',
    '',
    '## 6 保障措施',
    '通信与信息保障、应急队伍保障、物资装备保障、经费保障。',
    '',
  ].join('\n')

const hazchemSteps: PlanStep[] = [
  step('1', '接警，核实泄漏物质、泄漏量和气象条件', '应急管理厅值班室', 10),
  step('2', '危化品救援队出动，侦检划定警戒区', '现场指挥部', 30, [
    { kind: '危化品救援队', quantity: 2 },
    { kind: '危化品侦检车', quantity: 1 },
  ]),
  step('3', '关阀堵漏、倒罐输转，下风向水幕稀释', '危化品救援队', 60, [
    { kind: '危化品应急物资库', quantity: 1 },
  ]),
  step('4', '专家会商处置方案', '专家组', 60, [{ kind: '危化品专家', quantity: 1 }]),
  step('5', '中毒人员救治转运', '卫生健康厅', 45, [{ kind: '医疗救护队', quantity: 1 }]),
  step('6', '环境监测，发布监测结果', '生态环境厅', 120),
]

const chlorineSteps: PlanStep[] = [
  step('1', '发现泄漏，立即报告中控室和值班长', '岗位操作工', 2),
  step('2', '佩戴正压式空气呼吸器，关闭储罐根部阀', '应急处置小组', 10),
  step('3', '启动碱液喷淋吸收装置，下风向人员撤离', '应急处置小组', 15),
  step('4', '拨打 119/120，向属地应急管理局报告', '值班长', 15),
  step('5', '引导专业救援队伍进场堵漏', '企业应急指挥部', 40, [
    { kind: '危化品救援队', quantity: 1 },
  ]),
]

const contacts = (who: string, phone: string) => [
  { role: `${who}应急管理局值班室`, name: '值班员', phone },
  { role: '总值班', name: '值班领导', phone },
]

export const demoPlanSpecs: DemoPlanSpec[] = [
  {
    key: 'national',
    level: 'national',
    kind: 'comprehensive',
    title: '国家安全生产事故灾难应急预案',
    owner: '100000',
    incidentTypes: [],
    substances: [],
    versions: [
      {
        status: 'in_force',
        inForceFrom: '2024-06-01',
        approvedBy: 'national',
        steps: comprehensiveSteps('国家'),
        responseLevels: gradeLevels,
        contacts: contacts('应急管理部', '010-6455 0000'),
        body: comprehensiveBody('国家'),
      },
    ],
  },
  {
    key: 'shaanxi',
    level: 'province',
    kind: 'comprehensive',
    title: '陕西省生产安全事故应急预案',
    owner: '610000',
    incidentTypes: [],
    substances: [],
    versions: [
      {
        status: 'superseded',
        inForceFrom: '2020-03-01',
        approvedBy: 'shaanxi',
        steps: comprehensiveSteps('省').slice(0, 5),
        responseLevels: gradeLevels,
        contacts: contacts('陕西省', '029-6391 0000'),
        body: comprehensiveBody('陕西省'),
      },
      {
        status: 'in_force',
        inForceFrom: '2024-09-15',
        approvedBy: 'shaanxi',
        note: '依据国办发〔2024〕5 号修订',
        steps: comprehensiveSteps('省'),
        responseLevels: gradeLevels,
        contacts: contacts('陕西省', '029-6391 0000'),
        body: comprehensiveBody('陕西省', true),
      },
    ],
  },
  {
    key: 'shaanxi-hazchem',
    level: 'province',
    kind: 'special',
    title: '陕西省危险化学品事故应急预案',
    owner: '610000',
    incidentTypes: ['泄漏', '爆炸', '火灾', '中毒窒息'],
    substances: ['7782-50-5', '7664-41-7', '67-56-1', '68476-85-7'],
    versions: [
      {
        status: 'in_force',
        inForceFrom: '2024-03-01',
        approvedBy: 'shaanxi',
        steps: hazchemSteps,
        responseLevels: levels4(
          '泄漏引发特别重大事故，或需国家支援',
          '泄漏量大于 10 t 或死亡 10 人以上',
          '泄漏量 1–10 t 或死亡 3 人以上，周边需疏散',
          '少量泄漏，企业与属地可控',
        ),
        contacts: contacts('陕西省', '029-6391 0000'),
        body: '# 陕西省危险化学品事故应急预案\n\n## 1 适用范围\n适用于本省行政区域内危险化学品生产、储存、使用、经营和运输过程中发生的泄漏、火灾、爆炸和中毒事故。\n\n## 2 处置要点\n- 先控制、后处置，救人第一\n- 侦检先行，划定警戒区和疏散区\n- 堵漏、输转、稀释、洗消\n',
      },
    ],
  },
  {
    key: 'xian',
    level: 'city',
    kind: 'comprehensive',
    title: '西安市生产安全事故应急预案',
    owner: '610100',
    incidentTypes: [],
    substances: [],
    versions: [
      {
        status: 'superseded',
        inForceFrom: '2018-07-01',
        approvedBy: 'xian',
        steps: comprehensiveSteps('市').slice(0, 4),
        responseLevels: gradeLevels,
        contacts: contacts('西安市', '029-8678 0000'),
        body: comprehensiveBody('西安市'),
      },
      {
        // Three years from 2022-05-10 have passed: overdue for review.
        status: 'in_force',
        inForceFrom: '2022-05-10',
        approvedBy: 'xian',
        steps: comprehensiveSteps('市'),
        responseLevels: gradeLevels,
        contacts: contacts('西安市', '029-8678 0000'),
        body: comprehensiveBody('西安市', true),
      },
    ],
  },
  {
    key: 'yulin-coal',
    level: 'city',
    kind: 'special',
    title: '榆林市煤矿事故应急预案',
    owner: '610800',
    incidentTypes: ['透水', '瓦斯', '冒顶片帮', '坍塌'],
    substances: [],
    versions: [
      {
        status: 'in_force',
        inForceFrom: '2024-10-01',
        approvedBy: 'yulin',
        steps: [
          step('1', '矿调度室接报，通知井下撤人', '煤矿调度室', 10),
          step('2', '矿山救护队下井侦察救援', '现场指挥部', 40, [
            { kind: '矿山救护队', quantity: 2 },
          ]),
          step('3', '排水、通风、供电保障', '矿山救援专家组', 90, [
            { kind: '排水泵车', quantity: 2 },
            { kind: '矿山救援专家', quantity: 1 },
          ]),
          step('4', '被困人员搜救与医疗救护', '卫生健康部门', 120, [
            { kind: '医疗救护队', quantity: 1 },
          ]),
        ],
        responseLevels: gradeLevels,
        contacts: contacts('榆林市', '0912-388 0000'),
        body: '# 榆林市煤矿事故应急预案\n\n## 1 适用范围\n本市行政区域内煤矿发生的透水、瓦斯、冒顶片帮等事故。\n\n## 2 先期处置\n1. 立即停止作业，撤出受威胁区域人员。\n2. 清点人数，确定被困人员位置。\n',
      },
    ],
  },
  {
    key: 'yanta',
    level: 'county',
    kind: 'comprehensive',
    title: '雁塔区生产安全事故综合应急预案',
    owner: '610113',
    incidentTypes: [],
    substances: [],
    versions: [
      {
        status: 'in_force',
        inForceFrom: '2025-01-10',
        approvedBy: 'yanta',
        steps: comprehensiveSteps('区'),
        responseLevels: gradeLevels.slice(2),
        contacts: contacts('雁塔区', '029-8521 0000'),
        body: comprehensiveBody('雁塔区'),
      },
      {
        status: 'draft',
        note: '修订中：补充 30 分钟成立现场指挥部',
        steps: comprehensiveSteps('区').map((s) =>
          s.key === '2' ? { ...s, targetMinutes: 20 } : s,
        ),
        responseLevels: gradeLevels.slice(2),
        contacts: contacts('雁塔区', '029-8521 0000'),
        body: comprehensiveBody('雁塔区', true),
      },
    ],
  },
  {
    key: 'yuyang',
    level: 'county',
    kind: 'comprehensive',
    title: '榆阳区生产安全事故综合应急预案',
    owner: '610802',
    incidentTypes: [],
    substances: [],
    versions: [
      {
        status: 'in_force',
        inForceFrom: '2024-04-20',
        approvedBy: 'yuyang',
        steps: comprehensiveSteps('区'),
        responseLevels: gradeLevels.slice(2),
        contacts: contacts('榆阳区', '0912-326 0000'),
        body: comprehensiveBody('榆阳区'),
      },
    ],
  },
  {
    key: 'enterprise-onsite',
    level: 'enterprise',
    kind: 'onsite',
    title: '液氯储罐泄漏现场处置方案',
    owner: 'incident-enterprise',
    incidentTypes: ['泄漏', '中毒窒息'],
    substances: ['7782-50-5'],
    ownHazardSource: true,
    versions: [
      {
        status: 'superseded',
        inForceFrom: '2021-11-01',
        approvedBy: 'xian',
        steps: chlorineSteps.slice(0, 4),
        responseLevels: [],
        contacts: [{ role: '企业值班长', name: '王建军', phone: '029-8866 1201' }],
        body: '# 液氯储罐泄漏现场处置方案\n\n## 事故特征\n液氯泄漏后迅速气化，氯气比空气重，沿地面扩散。\n',
      },
      {
        status: 'in_force',
        inForceFrom: '2024-11-01',
        approvedBy: 'xian',
        steps: chlorineSteps,
        responseLevels: [
          { level: 'III', trigger: '泄漏无法在 15 分钟内切断，或有人员中毒' },
          { level: 'IV', trigger: '少量泄漏，可由岗位人员处置' },
        ],
        contacts: [
          { role: '企业值班长', name: '王建军', phone: '029-8866 1201' },
          { role: '雁塔区应急管理局', name: '值班室', phone: '029-8521 0000' },
        ],
        body: '# 液氯储罐泄漏现场处置方案\n\n## 事故特征\n液氯泄漏后迅速气化，氯气比空气重，沿地面扩散，吸入可致急性中毒。\n\n## 应急处置\n1. 岗位人员发现泄漏立即报告，佩戴正压式空气呼吸器。\n2. 关闭储罐根部阀，启动碱液喷淋吸收。\n3. 下风向人员向上风向撤离。\n\n## 注意事项\n- 严禁无防护人员进入泄漏区\n- 处置人员 **两人一组**，互相监护\n',
      },
    ],
  },
]
