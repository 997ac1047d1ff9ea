/**
 * Demo incidents and duty roster, so the command screen does not start empty.
 *
 * A small fixed set of 陕西 incidents placed at demo enterprises (picked by industry and city
 * in id order, so the same plan picks the same ones) or at a fixed point. Times count back from
 * the seed time, so reporting deadlines are meaningful when the demo opens: one county report
 * is still due, one is overdue, the rest are done at realistic moments. The grade is never
 * written here: it is `accidentGrade` of the figures, and the obligations are
 * `reportingObligations` of that grade, re-based on the receipts like the API does. Rows are
 * system-written (created_by null); timeline entries name the demo account of the agency that
 * would have done the step.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import type { incidentTypes } from '../../server/db/schema/incidents.ts'
import { accidentGrade, type AccidentGrade } from '../../server/domain/accident-grade.ts'
import {
  reportingObligations,
  type ReportingLevel,
  type ReportReceipts,
} from '../../server/domain/accident-reporting.ts'
import { etaMinutes } from '../../server/domain/dispatch-eta.ts'
import { greatCircleKm } from '../../server/domain/geo.ts'
import type { DispatchStatus, IncidentStatus } from '../../server/domain/incident-status.ts'
import { locate, pointSql, type LngLat } from '../../server/lib/registry/location.ts'
import {
  addObligations,
  rebasePendingObligations,
} from '../../server/routes/incidents/incidents.queries.ts'

const MINUTE = 60_000

interface Figures {
  deaths: number
  seriousInjuries: number
  missing: number
  directLossYuan: number
}

/**
 * Where the incident happened: at a demo enterprise of the industry (in the city when it has
 * one, else elsewhere in 陕西; at its unit holding the substance when given), or at a point.
 */
type Place =
  { industry: string; cityPrefix: string; substance?: string; offset?: LngLat } | { point: LngLat }

interface DemoDispatch {
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

/** The demo account that acts for the agency over a county (the most local one). */
function actorFor(regionCode: string): string {
  if (regionCode === '610113') return 'yanta'
  if (regionCode === '610802') return 'yuyang'
  if (regionCode.startsWith('6101')) return 'xian'
  if (regionCode.startsWith('6108')) return 'yulin'
  return 'shaanxi'
}

interface Site {
  location: LngLat
  enterpriseId: string | null
  hazardSourceId: string | null
  siteName: string
}

/** `used`: enterprises that already have a demo incident; each gets at most one. */
async function siteOf(db: Queryable, place: Place, used: string[]): Promise<Site> {
  if ('point' in place) {
    return { location: place.point, enterpriseId: null, hazardSourceId: null, siteName: '' }
  }
  const others = sql`not (e.id = any(${`{${used.join(',')}}`}::uuid[]))`
  const r = place.substance
    ? await db.execute(sql`select e.id, e.name, h.id as "hazardSourceId",
          ST_X(h.location) as lng, ST_Y(h.location) as lat
        from hazard_sources h join enterprises e on e.id = h.enterprise_id
        where e.industry = ${place.industry} and e.region_code like '61%'
          and h.substances::text like ${`%"${place.substance}"%`} and h.retired_at is null
          and ${others}
        order by e.region_code like ${`${place.cityPrefix}%`} desc, e.id, h.id limit 1`)
    : await db.execute(sql`select e.id, e.name, null as "hazardSourceId",
          ST_X(e.location) as lng, ST_Y(e.location) as lat
        from enterprises e
        where e.industry = ${place.industry} and e.region_code like '61%' and e.retired_at is null
          and ${others}
        order by e.region_code like ${`${place.cityPrefix}%`} desc, e.id limit 1`)
  const row = r.rows[0] as
    | { id: string; name: string; hazardSourceId: string | null; lng: number; lat: number }
    | undefined
  if (!row)
    throw new Error(`demo incidents: no ${place.industry} enterprise in ${place.cityPrefix}`)
  // A little off the enterprise's (or unit's) own point, so a click there still opens it.
  const [dLng, dLat] = place.offset ?? [0.0012, -0.0009]
  return {
    location: [Number(row.lng) + dLng, Number(row.lat) + dLat],
    enterpriseId: row.id,
    hazardSourceId: row.hazardSourceId,
    siteName: row.name,
  }
}

interface Timeline {
  at: Date
  kind: string
  data: Record<string, unknown>
}

const obligationsJson = (grade: AccidentGrade, occurredAt: Date) =>
  reportingObligations(grade, occurredAt).map((o) => ({
    level: o.level,
    dueAt: o.dueAt.toISOString(),
  }))

async function dispatchResources(
  tx: Queryable,
  incidentId: string,
  location: LngLat,
  occurredAt: Date,
  dispatches: DemoDispatch[],
): Promise<Timeline[]> {
  const timeline: Timeline[] = []
  const at = (minute: number | undefined) =>
    minute === undefined ? null : new Date(occurredAt.getTime() + minute * MINUTE).toISOString()
  for (const d of dispatches) {
    // The nearest resource of the category still available: what the dispatch panel proposes.
    const r = await tx.execute(sql`select id, name, kind, category, ST_X(location) as lng,
        ST_Y(location) as lat from resources
      where category = ${d.category} and status = 'available' and retired_at is null
        and region_code like '61%'
      order by location <-> ${pointSql(location)}, id limit 1`)
    const res = r.rows[0] as
      | { id: string; name: string; kind: string; category: string; lng: number; lat: number }
      | undefined
    if (!res) throw new Error(`demo incidents: no available ${d.category}`)
    const eta = Math.round(
      etaMinutes(greatCircleKm(location, [Number(res.lng), Number(res.lat)]), res.kind),
    )
    const steps = (['dispatched', 'en_route', 'on_scene', 'withdrawn'] as const).filter(
      (s) => d.steps[s] !== undefined,
    )
    const status = steps[steps.length - 1] ?? 'dispatched'
    const inserted = await tx.execute(sql`insert into dispatches (incident_id, resource_id,
        status, note, eta_minutes, dispatched_at, en_route_at, on_scene_at, withdrawn_at)
      values (${incidentId}, ${res.id}, ${status}, '', ${eta}, ${at(d.steps.dispatched ?? 0)},
        ${at(d.steps.en_route)}, ${at(d.steps.on_scene)}, ${at(d.steps.withdrawn)})
      returning id`)
    const dispatchId = (inserted.rows[0] as { id: string }).id
    // The status only: the resource row stays as the generator wrote it (version, updated_*).
    if (status !== 'withdrawn') {
      await tx.execute(sql`update resources set status = 'dispatched' where id = ${res.id}`)
    }
    timeline.push({
      at: new Date(at(d.steps.dispatched ?? 0)!),
      kind: 'dispatch',
      data: {
        note: '',
        dispatches: [
          {
            dispatchId,
            resourceId: res.id,
            name: res.name,
            category: res.category,
            etaMinutes: eta,
          },
        ],
      },
    })
    for (let i = 1; i < steps.length; i++) {
      timeline.push({
        at: new Date(at(d.steps[steps[i]!])!),
        kind: 'dispatch_status',
        data: { dispatchId, resourceId: res.id, from: steps[i - 1], to: steps[i] },
      })
    }
  }
  return timeline
}

async function writeIncident(
  tx: Queryable,
  spec: DemoIncident,
  now: Date,
  used: string[],
): Promise<void> {
  const occurredAt = new Date(now.getTime() - spec.occurredMinutesAgo * MINUTE)
  const minute = (m: number) => new Date(occurredAt.getTime() + m * MINUTE)
  const site = await siteOf(tx, spec.place, used)
  if (site.enterpriseId) used.push(site.enterpriseId)
  const located = await locate(tx, site.location)
  if (!located) throw new Error(`demo incident ${spec.key} is outside every region`)
  const grade = accidentGrade(spec.figures)
  const first = spec.firstReport?.figures ?? spec.figures
  const firstGrade = accidentGrade(first)
  const reportedAt = minute(Math.min(8, spec.occurredMinutesAgo / 2))
  const lastStatus = (['responding', 'controlled', 'closed'] as const).filter(
    (s) => spec.statusSteps[s] !== undefined,
  )
  const status: IncidentStatus = lastStatus[lastStatus.length - 1] ?? 'reported'
  const address = site.siteName ? `${site.siteName} ${spec.address}` : spec.address
  const f = spec.figures
  const r = await tx.execute(sql`
    insert into incidents (type, occurred_at, reported_at, location, address, enterprise_id,
      hazard_source_id, deaths, serious_injuries, missing, direct_loss_yuan, grade, substance,
      description, reporter_name, reporter_contact, status, region_code, version, created_at,
      updated_at)
    values (${spec.type}, ${occurredAt.toISOString()}, ${reportedAt.toISOString()},
      ${pointSql(site.location)}, ${address}, ${site.enterpriseId}, ${site.hazardSourceId},
      ${f.deaths}, ${f.seriousInjuries}, ${f.missing}, ${f.directLossYuan}, ${grade},
      ${spec.substance ?? null}, ${spec.description}, ${spec.reporterName},
      ${spec.reporterContact}, ${status}, ${located.regionCode},
      ${1 + lastStatus.length + (spec.firstReport ? 1 : 0)}, ${reportedAt.toISOString()},
      ${now.toISOString()})
    returning id`)
  const id = (r.rows[0] as { id: string }).id

  // Obligations as the API makes them: the first report's chain, then the levels a higher grade of the 续报 adds (as the API does).
  await addObligations(tx, id, firstGrade, reportingObligations(firstGrade, occurredAt))
  await addObligations(tx, id, grade, reportingObligations(grade, occurredAt))
  const timeline: Timeline[] = [
    {
      at: reportedAt,
      kind: 'report',
      data: { grade: firstGrade, ...first, obligations: obligationsJson(firstGrade, occurredAt) },
    },
  ]
  const receipts: ReportReceipts = {}
  const username = actorFor(located.regionCode)
  for (const [level, m] of Object.entries(spec.told) as [ReportingLevel, number][]) {
    receipts[level] = minute(m)
    const due = reportingObligations(grade, occurredAt, { ...receipts, [level]: undefined })
    const late =
      (due.find((o) => o.level === level)?.dueAt.getTime() ?? Infinity) < minute(m).getTime()
    await tx.execute(sql`update reporting_obligations set done_at = ${minute(m).toISOString()},
        done_by = ${username} where incident_id = ${id} and level = ${level}`)
    await rebasePendingObligations(tx, id, occurredAt.toISOString())
    timeline.push({ at: minute(m), kind: 'obligation_done', data: { level, late } })
  }

  if (spec.firstReport) {
    const changes: Record<string, { from: number; to: number }> = {}
    for (const k of ['deaths', 'seriousInjuries', 'missing', 'directLossYuan'] as const) {
      if (first[k] !== f[k]) changes[k] = { from: first[k], to: f[k] }
    }
    const at = minute(spec.firstReport.atMinute)
    timeline.push({ at, kind: 'update', data: { changes, supplement: true } })
    if (grade !== firstGrade) {
      const added = reportingObligations(grade, occurredAt)
        .map((o) => o.level)
        .filter((l) => !reportingObligations(firstGrade, occurredAt).some((o) => o.level === l))
      timeline.push({
        at,
        kind: 'grade_change',
        data: { from: firstGrade, to: grade, addedLevels: added },
      })
    }
  }
  let from: IncidentStatus = 'reported'
  for (const to of lastStatus) {
    timeline.push({ at: minute(spec.statusSteps[to]!), kind: 'status', data: { from, to } })
    from = to
  }
  for (const n of spec.notes) {
    timeline.push({ at: minute(n.atMinute), kind: 'note', data: { text: n.text } })
  }
  timeline.push(...(await dispatchResources(tx, id, site.location, occurredAt, spec.dispatches)))

  timeline.sort((a, b) => a.at.getTime() - b.at.getTime())
  for (const e of timeline) {
    await tx.execute(sql`insert into incident_events (incident_id, at, kind, user_id, username,
        data)
      values (${id}, ${e.at.toISOString()}, ${e.kind},
        (select id from users where username = ${username}), ${username},
        ${JSON.stringify(e.data)}::jsonb)`)
  }
}

/**
 * Each demo agency gets one 24 h shift a day (08:00 Beijing time to 08:00), from the last
 * 08:00 before the seed time until 7 days after it, its members (viewers excepted) in turn.
 */
async function writeRoster(tx: Queryable, now: Date): Promise<number> {
  const r = await tx.execute(sql`select u.id, u.agency_id as "agencyId" from users u
    where u.role <> 'viewer' order by u.agency_id, u.username`)
  const byAgency = new Map<string, string[]>()
  for (const row of r.rows as { id: string; agencyId: string }[]) {
    byAgency.set(row.agencyId, [...(byAgency.get(row.agencyId) ?? []), row.id])
  }
  const DAY = 24 * 60 * MINUTE
  const start = Math.floor(now.getTime() / DAY) * DAY // 08:00 Beijing time is 00:00 UTC
  let shifts = 0
  for (const [agencyId, members] of byAgency) {
    for (let day = 0; start + day * DAY < now.getTime() + 7 * DAY; day++) {
      const startsAt = new Date(start + day * DAY).toISOString()
      const endsAt = new Date(start + (day + 1) * DAY).toISOString()
      await tx.execute(sql`insert into duty_shifts (agency_id, user_id, starts_at, ends_at, role,
          created_at)
        values (${agencyId}, ${members[day % members.length]}, ${startsAt}, ${endsAt},
          '值班员', ${now.toISOString()})`)
      shifts++
    }
  }
  return shifts
}

export interface DemoIncidentsResult {
  incidents: number
  shifts: number
}

/**
 * Writes the demo incidents and roster; needs the demo registry and accounts in place.
 * `now` is the seed time, passed in: the generator itself never reads the clock.
 */
export async function seedDemoIncidents(
  tx: Queryable,
  options: { now: Date; log?: (line: string) => void },
): Promise<DemoIncidentsResult> {
  const { now } = options
  const used: string[] = []
  for (const spec of demoIncidents) await writeIncident(tx, spec, now, used)
  const shifts = await writeRoster(tx, now)
  options.log?.(`demo incidents: ${demoIncidents.length}, duty shifts: ${shifts}`)
  return { incidents: demoIncidents.length, shifts }
}
