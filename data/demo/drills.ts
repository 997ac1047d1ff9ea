/**
 * Two past drills (应急演练) with their evaluations, so the drills drawer, the replay and the
 * 演练 marking have something to show: a 综合演练 of a 液氯 leak in 雁塔区 (with a team
 * dispatched and withdrawn) and a 桌面推演 of a 榆阳区 fire. Each has its exercise incident
 * (exercise = true, closed, no obligations) with the timeline a run writes: the report, the
 * injected updates, the re-grade and the status steps. Plans: the demo's in-force plan of the
 * region when the plans demo wrote one, else a small plan of our own. Times count back from
 * `now`; rows are system-written (created_by null) and the evaluation is the pure rule's.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import { accidentGrade } from '../../server/domain/incidents/accident-grade.ts'
import { evaluateDrill } from '../../server/domain/plans/drill-evaluation.ts'
import type { PlanStep } from '../../server/domain/plans/plan-shape.ts'
import { locate, pointSql, type LngLat } from '../../server/lib/registry/location.ts'

const MINUTE = 60_000
const DAY = 86_400_000

interface DemoDrill {
  planTitle: string
  planLevel: 'county' | 'city'
  planRegion: string
  kind: 'tabletop' | 'field' | 'combined'
  title: string
  daysAgo: number
  place: LngLat
  address: string
  scenario: {
    type: string
    title: string
    substanceCas: string | null
    substance: string | null
    deaths: number
    seriousInjuries: number
    injections: {
      minute: number
      text: string
      deaths?: number
      seriousInjuries?: number
      status?: string
    }[]
  }
  agencies: string[]
  /** A team of this category nearest the place is dispatched at these minutes. */
  team?: { category: string; dispatched: number; onScene: number; withdrawn: number }
  durationMinutes: number
  steps: PlanStep[]
  /** Minutes at which each step was done (null: not done). */
  done: Record<string, number | null>
  problems: string[]
  improvements: string[]
  summary: string
  username: string
}

const step = (key: string, title: string, role: string, targetMinutes: number): PlanStep => ({
  key,
  title,
  role,
  targetMinutes,
  resources: [],
})

/** The demo comprehensive plans' steps (data/demo/emergency-plan-fixtures.ts), used when
 * the plans demo is not loaded and the drill writes its own plan. */
const comprehensiveSteps: PlanStep[] = [
  step('1', '接报核实事故信息，按规定时限上报', '区应急管理局值班室', 15),
  step('2', '启动响应，成立现场指挥部', '区人民政府', 30),
  step('3', '调派专业救援队伍赶赴现场', '现场指挥部', 45),
  step('4', '医疗救护到场，伤员检伤分类与转运', '卫生健康部门', 60),
  step('5', '设立警戒区，疏散周边群众', '公安部门', 60),
  step('6', '调拨应急物资', '应急管理局物资保障组', 90),
  step('7', '发布事故信息，做好舆情引导', '宣传部门', 120),
]

export const demoDrills: DemoDrill[] = [
  {
    planTitle: '雁塔区生产安全事故综合应急预案',
    planLevel: 'county',
    planRegion: '610113',
    kind: 'combined',
    title: '2026年液氯储罐泄漏综合应急演练',
    daysAgo: 32,
    place: [108.9436, 34.2052],
    address: '雁塔区丈八街道演练场',
    scenario: {
      type: '泄漏',
      title: '液氯储罐区阀门法兰泄漏',
      substanceCas: '7782-50-5',
      substance: '氯',
      deaths: 0,
      seriousInjuries: 1,
      injections: [
        { minute: 8, text: '现场报告：泄漏扩大，下风向500米处有居民', seriousInjuries: 2 },
        { minute: 15, text: '指挥部成立，启动Ⅲ级响应', status: 'responding' },
        { minute: 40, text: '续报：搜救发现1名遇难人员', deaths: 1 },
        { minute: 75, text: '泄漏点堵漏成功，浓度下降', status: 'controlled' },
      ],
    },
    agencies: ['610113', '610100'],
    team: { category: '危化品救援队', dispatched: 10, onScene: 34, withdrawn: 95 },
    durationMinutes: 100,
    steps: comprehensiveSteps,
    done: { '1': 6, '2': 18, '3': 10, '4': 52, '5': 68, '6': 105, '7': null },
    problems: ['警戒区初设半径偏小，下风向疏散晚8分钟', '洗消物资清点耗时较长'],
    improvements: ['按风向预设300米/500米两级警戒', '洗消物资按清单分箱存放并贴码'],
    summary: '响应总体有序，指挥部成立及时；警戒疏散与洗消准备需加强。',
    username: 'yanta',
  },
  {
    planTitle: '榆阳区生产安全事故综合应急预案',
    planLevel: 'county',
    planRegion: '610802',
    kind: 'tabletop',
    title: '煤化工企业火灾事故桌面推演',
    daysAgo: 75,
    place: [109.7475, 38.2796],
    address: '榆阳区应急管理局指挥中心',
    scenario: {
      type: '火灾',
      title: '煤化工装置区火灾',
      substanceCas: null,
      substance: null,
      deaths: 0,
      seriousInjuries: 0,
      injections: [
        { minute: 5, text: '火势蔓延至相邻罐区', status: 'responding' },
        { minute: 20, text: '续报：3名员工失联后确认遇难', deaths: 3 },
        { minute: 50, text: '明火扑灭', status: 'controlled' },
      ],
    },
    agencies: ['610802', '610800'],
    durationMinutes: 60,
    steps: comprehensiveSteps,
    done: { '1': 12, '2': 38, '3': 40, '4': null, '5': 55, '6': null, '7': null },
    problems: ['医疗救护联动环节未推演到位', '指挥部成立超时8分钟'],
    improvements: ['补充卫健部门联络人和通讯方式', '明确指挥部成立的触发条件'],
    summary: '信息报告流程熟练；部门联动需在下次实战演练中检验。',
    username: 'yuyang',
  },
]

/** The region's in-force plan version of this title (its id and steps), or one of our own. */
async function planVersionFor(
  tx: Queryable,
  d: DemoDrill,
): Promise<{ id: string; steps: PlanStep[] }> {
  const found =
    await tx.execute(sql`select v.id, v.steps from plan_versions v join plans p on p.id = v.plan_id
    where p.region_code = ${d.planRegion} and v.status = 'in_force' and p.title = ${d.planTitle}
    limit 1`)
  const existing = found.rows[0] as { id: string; steps: PlanStep[] | string } | undefined
  if (existing) {
    const steps = existing.steps
    return { id: existing.id, steps: typeof steps === 'string' ? JSON.parse(steps) : steps }
  }
  const plan =
    await tx.execute(sql`insert into plans (level, kind, title, incident_types, region_code)
    values (${d.planLevel}, ${d.kind === 'tabletop' ? 'comprehensive' : 'onsite'}, ${d.planTitle},
      ${JSON.stringify([d.scenario.type])}::jsonb, ${d.planRegion}) returning id`)
  const planId = (plan.rows[0] as { id: string }).id
  const v = await tx.execute(sql`insert into plan_versions (plan_id, number, status, steps,
      in_force_from, review_due)
    values (${planId}, 1, 'in_force', ${JSON.stringify(d.steps)}::jsonb, '2025-01-01', '2028-01-01')
    returning id`)
  return { id: (v.rows[0] as { id: string }).id, steps: d.steps }
}

async function userId(tx: Queryable, username: string) {
  const r = await tx.execute(sql`select id from users where username = ${username}`)
  return (r.rows[0] as { id: string } | undefined)?.id ?? null
}

async function writeDrill(tx: Queryable, d: DemoDrill, now: Date) {
  const start = new Date(now.getTime() - d.daysAgo * DAY)
  start.setUTCHours(1, 30, 0, 0) // 09:30 in China
  const at = (minute: number) => new Date(start.getTime() + minute * MINUTE)
  const located = await locate(tx, d.place)
  if (!located) throw new Error(`demo drills: ${d.title} is outside every region`)
  const regionCode = located.regionCode
  const plan = await planVersionFor(tx, d)
  const planVersionId = plan.id
  const runBy = await userId(tx, d.username)
  const s = d.scenario
  // The exercise incident as the run and its injections left it.
  let deaths = s.deaths
  let injured = s.seriousInjuries
  let grade = accidentGrade({ deaths, seriousInjuries: injured, directLossYuan: 0 })
  const timeline: { at: Date; kind: string; data: Record<string, unknown> }[] = [
    {
      at: start,
      kind: 'report',
      data: {
        grade,
        deaths,
        seriousInjuries: injured,
        missing: 0,
        obligations: [],
        exercise: true,
      },
    },
  ]
  let status = 'reported'
  const order = ['reported', 'responding', 'controlled', 'closed']
  const stepTo = (to: string, when: Date) => {
    while (order.indexOf(status) < order.indexOf(to)) {
      const next = order[order.indexOf(status) + 1]!
      timeline.push({ at: when, kind: 'status', data: { from: status, to: next } })
      status = next
    }
  }
  for (const [seq, x] of s.injections.entries()) {
    const when = at(x.minute)
    timeline.push({
      at: when,
      kind: 'injection',
      data: { seq, minute: x.minute, text: x.text, exercise: true },
    })
    const changes: Record<string, { from: number; to: number }> = {}
    const next = x as { deaths?: number; seriousInjuries?: number }
    if (next.deaths !== undefined && next.deaths !== deaths)
      changes.deaths = { from: deaths, to: next.deaths }
    if (next.seriousInjuries !== undefined && next.seriousInjuries !== injured) {
      changes.seriousInjuries = { from: injured, to: next.seriousInjuries }
    }
    if (Object.keys(changes).length > 0) {
      deaths = changes.deaths?.to ?? deaths
      injured = changes.seriousInjuries?.to ?? injured
      timeline.push({ at: when, kind: 'update', data: { changes, supplement: true } })
      const regraded = accidentGrade({ deaths, seriousInjuries: injured, directLossYuan: 0 })
      if (regraded !== grade) {
        timeline.push({
          at: when,
          kind: 'grade_change',
          data: { from: grade, to: regraded, addedLevels: [] },
        })
        grade = regraded
      }
    }
    if (x.status) stepTo(x.status, when)
  }
  const end = at(d.durationMinutes)
  stepTo('closed', end)
  const scenario = { ...s, address: d.address, description: '', missing: 0 }
  const incident = await tx.execute(sql`insert into incidents (type, occurred_at, reported_at,
      location, address, deaths, serious_injuries, grade, substance, description, reporter_name,
      status, exercise, region_code, created_at, updated_at)
    values (${s.type}, ${start.toISOString()}, ${start.toISOString()}, ${pointSql(d.place)},
      ${d.address}, ${deaths}, ${injured}, ${grade}, ${s.substance ?? s.substanceCas},
      ${`【演练】${s.title}`}, '演练导调组', 'closed', true, ${regionCode}, ${start.toISOString()},
      ${end.toISOString()})
    returning id`)
  const incidentId = (incident.rows[0] as { id: string }).id
  if (d.team) {
    const r = await tx.execute(sql`select id from resources where category = ${d.team.category}
        and status = 'available' and retired_at is null and region_code like '61%'
      order by location <-> ${pointSql(d.place)}, id limit 1`)
    const team = r.rows[0] as { id: string } | undefined
    if (team) {
      await tx.execute(sql`insert into dispatches (incident_id, resource_id, status, note,
          dispatched_at, en_route_at, on_scene_at, withdrawn_at)
        values (${incidentId}, ${team.id}, 'withdrawn', '演练调派', ${at(d.team.dispatched).toISOString()},
          ${at(d.team.dispatched + 2).toISOString()}, ${at(d.team.onScene).toISOString()},
          ${at(d.team.withdrawn).toISOString()})`)
      timeline.push({ at: at(d.team.dispatched), kind: 'dispatch', data: { note: '演练调派' } })
    }
  }
  for (const e of timeline.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    await tx.execute(sql`insert into incident_events (incident_id, at, kind, user_id, username, data)
      values (${incidentId}, ${e.at.toISOString()}, ${e.kind}, ${runBy}, ${d.username},
        ${JSON.stringify(e.data)}::jsonb)`)
  }
  const scored = evaluateDrill(
    plan.steps.map((x) => ({
      key: x.key,
      title: x.title,
      targetMinutes: x.targetMinutes,
      actualMinutes: d.done[x.key] ?? null,
    })),
  )
  const evaluation = {
    steps: scored.steps.map((x) => ({ ...x, source: x.actualMinutes === null ? 'none' : 'form' })),
    score: scored.score,
    rating: scored.rating,
    problems: d.problems,
    improvements: d.improvements,
    summary: d.summary,
    evaluatedBy: d.username,
    evaluatedAt: end.toISOString(),
  }
  const drill = await tx.execute(sql`insert into drills (plan_version_id, kind, title, scheduled_at,
      place, address, scenario, participants, status, incident_id, started_at, finished_at, run_by,
      evaluation, score, region_code, created_at, updated_at)
    values (${planVersionId}, ${d.kind}, ${d.title}, ${start.toISOString()}, ${pointSql(d.place)},
      ${d.address}, ${JSON.stringify(scenario)}::jsonb,
      ${JSON.stringify({ agencies: d.agencies, teams: [] })}::jsonb, 'finished', ${incidentId},
      ${start.toISOString()}, ${end.toISOString()}, ${runBy}, ${JSON.stringify(evaluation)}::jsonb,
      ${scored.score}, ${regionCode}, ${new Date(start.getTime() - 14 * DAY).toISOString()},
      ${end.toISOString()})
    returning id`)
  const drillId = (drill.rows[0] as { id: string }).id
  for (const [seq, x] of s.injections.entries()) {
    const { minute, text, ...changes } = x
    await tx.execute(sql`insert into drill_injections (drill_id, seq, minute, text, changes, due_at, applied_at)
      values (${drillId}, ${seq}, ${minute}, ${text}, ${JSON.stringify(changes)}::jsonb,
        ${at(minute).toISOString()}, ${at(minute).toISOString()})`)
  }
}

/** Writes the demo drills; needs the demo accounts and resources in place. */
export async function seedDemoDrills(
  tx: Queryable,
  options: { now: Date; log?: (line: string) => void },
) {
  for (const d of demoDrills) await writeDrill(tx, d, options.now)
  options.log?.(`demo drills: ${demoDrills.length} (finished, with evaluations)`)
  return demoDrills.length
}
