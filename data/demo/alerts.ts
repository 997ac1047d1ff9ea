/**
 * Demo alerts (预警信息) in 陕西, relative to the seed time: what a duty officer would see on a
 * summer day. In force: 商洛 暴雨橙色 (rain over the tailings ponds of the 商洛 mining
 * counties), a 危化品泄漏 downwind circle around a demo chemical enterprise in 西安, and 西安
 * 高温黄色. Pending: 渭南 大风蓝色 from tonight. Past: 榆林 大风蓝色 (expired yesterday) and
 * 汉中 暴雨黄色 (lifted this morning). Written through the API's own area resolution, so the
 * counties, jurisdiction and identifiers are what issuing them would give.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import { alertIdentifier, issuerCode, type AlertArea } from '../../server/domain/alerts/index.ts'
import type { WarningLevel } from '../../server/domain/risk/warning-level.ts'
import type { Actor } from '../../server/lib/auth/actor.ts'
import {
  ENTITY,
  findAlertRow,
  insertAlert,
  resolveArea,
  type AlertRow,
} from '../../server/routes/alerts/alerts.queries.ts'

const HOUR = 3_600_000

interface DemoAlert {
  issuer: { region: string; name: string }
  level: WarningLevel
  eventType: string
  title: string
  text: string
  instructions: string
  audience: string
  area: AlertArea | 'chemical-enterprise'
  areaDesc: string
  /** Hours from the seed time. */
  onset: number
  expires: number
  liftedAt?: number
  liftReason?: string
}

const province = { region: '610000', name: '陕西省应急管理厅' }

export const demoAlerts: DemoAlert[] = [
  {
    issuer: province,
    level: '二级',
    eventType: '暴雨',
    title: '商洛市暴雨橙色预警（尾矿库防汛）',
    text: '预计未来12小时商洛市大部累计降雨量50～100毫米，局地超过120毫米，尾矿库、矿山排土场存在溃坝、滑坡风险。',
    instructions:
      '尾矿库停止排放作业，落实24小时巡坝；下游居民和作业人员做好撤离准备；暂停露天矿山作业。',
    audience: '商洛市各县区应急管理部门、尾矿库及非煤矿山企业、下游居民',
    area: { kind: 'regions', codes: ['611000'] },
    areaDesc: '商洛市全境',
    onset: -2,
    expires: 10,
  },
  {
    issuer: { region: '610100', name: '西安市应急管理局' },
    level: '二级',
    eventType: '危化品泄漏',
    title: '危化品泄漏下风向疏散预警',
    text: '辖区一危险化学品企业储罐区发生泄漏，东南风2～3米/秒，下风向2公里范围内存在中毒风险。',
    instructions:
      '下风向居民立即关闭门窗，向上风向（西北方向）疏散；周边企业停止动火作业；非救援人员勿进入警戒区。',
    audience: '泄漏点下风向2公里内居民、学校、企业',
    area: 'chemical-enterprise',
    areaDesc: '泄漏点周边2公里',
    onset: -0.5,
    expires: 5.5,
  },
  {
    issuer: { region: '610100', name: '西安市应急管理局' },
    level: '三级',
    eventType: '高温',
    title: '西安市高温黄色预警',
    text: '今天白天西安市大部最高气温将达37℃以上，局地39℃。',
    instructions: '高温时段停止露天高处作业；危险化学品储存场所落实降温和巡检；注意防暑。',
    audience: '西安市各区县、生产经营单位',
    area: { kind: 'regions', codes: ['610100'] },
    areaDesc: '西安市',
    onset: -4,
    expires: 8,
  },
  {
    issuer: { region: '610500', name: '渭南市应急管理局' },
    level: '四级',
    eventType: '大风',
    title: '渭南市大风蓝色预警',
    text: '预计今天夜间渭南市北部将出现6级以上阵风。',
    instructions: '加固临时设施，停止高空吊装作业。',
    audience: '渭南市生产经营单位',
    area: { kind: 'regions', codes: ['610500'] },
    areaDesc: '渭南市',
    onset: 6,
    expires: 18,
  },
  {
    issuer: { region: '610800', name: '榆林市应急管理局' },
    level: '四级',
    eventType: '大风',
    title: '榆林市大风蓝色预警',
    text: '昨日榆林市出现6～7级大风并伴有沙尘。',
    instructions: '露天矿山停止爆破作业，加固临时设施。',
    audience: '榆林市煤矿、非煤矿山企业',
    area: { kind: 'regions', codes: ['610800'] },
    areaDesc: '榆林市',
    onset: -40,
    expires: -24,
  },
  {
    issuer: { region: '610700', name: '汉中市应急管理局' },
    level: '三级',
    eventType: '暴雨',
    title: '汉中市暴雨黄色预警',
    text: '预计汉中市南部累计降雨量30～50毫米。',
    instructions: '山区尾矿库、矿山加强巡查，做好地质灾害防范。',
    audience: '汉中市各县区',
    area: { kind: 'regions', codes: ['610700'] },
    areaDesc: '汉中市南部',
    onset: -20,
    expires: 4,
    liftedAt: -3,
    liftReason: '降雨减弱，预警解除',
  },
]

/** A chemical enterprise of the demo in 西安 (the lowest id, so the same plan picks the same). */
async function chemicalSite(tx: Queryable): Promise<[number, number]> {
  const r =
    await tx.execute(sql`select ST_X(location) as lng, ST_Y(location) as lat from enterprises
    where industry = '危险化学品' and region_code like '6101%' order by id limit 1`)
  const row = r.rows[0] as { lng: number; lat: number } | undefined
  return row ? [Number(row.lng), Number(row.lat)] : [108.948, 34.213]
}

/** The demo account of the issuing agency; an agency without one signs with its name. */
const issuerAccounts: Record<string, string> = {
  '610000': 'shaanxi',
  '610100': 'xian',
  '610800': 'yulin',
}

/**
 * The audit entry a real issue or lift would have written (whole row before and after),
 * dated when it happened, so the panel's history (read from audit_log) is not empty.
 */
async function auditAt(
  tx: Queryable,
  who: { region: string; name: string },
  at: Date,
  action: 'create' | 'update',
  before: AlertRow | null,
  after: AlertRow,
) {
  const username = issuerAccounts[who.region] ?? who.name
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v))
  await tx.execute(sql`insert into audit_log (at, user_id, username, agency_id, entity, entity_id,
      action, region_code, before, after)
    select ${at.toISOString()}, u.id, ${username}, u.agency_id, ${ENTITY}, ${after.id}, ${action},
      ${after.regionCode}, ${json(before)}::jsonb, ${json(after)}::jsonb
    from (select 1) one left join users u on u.username = ${username}`)
}

/** Writes the demo alerts (system-written: created_by null) with their audit entries. */
export async function seedDemoAlerts(
  tx: Queryable,
  options: { now: Date; log?: (line: string) => void },
): Promise<number> {
  const now = Math.floor(options.now.getTime() / 1000) * 1000
  const system = { id: null } as unknown as Actor
  let second = 0
  for (const a of demoAlerts) {
    const areaSpec: AlertArea =
      a.area === 'chemical-enterprise'
        ? { kind: 'circle', center: await chemicalSite(tx), radiusM: 2000 }
        : a.area
    const area = await resolveArea(tx, areaSpec)
    const issuer = issuerCode({ regionCode: a.issuer.region })
    // Issued when it took effect (or an hour before a pending one), a second apart per alert.
    const issuedAt = new Date(now + Math.min(a.onset, -1) * HOUR + second++ * 1000)
    const id = await insertAlert(
      tx,
      system,
      {
        identifier: alertIdentifier(issuer, issuedAt),
        sender: issuer,
        senderName: a.issuer.name,
        source: 'ours',
        level: a.level,
        eventType: a.eventType,
        title: a.title,
        text: a.text,
        instructions: a.instructions,
        audience: a.audience,
        areaDesc: a.areaDesc,
        onset: new Date(now + a.onset * HOUR),
        expiresAt: new Date(now + a.expires * HOUR),
        issuedAt,
        exercise: false,
        capXml: null,
      },
      area,
    )
    const issued = (await findAlertRow(tx, id))!
    await auditAt(tx, a.issuer, issuedAt, 'create', null, issued)
    if (a.liftedAt !== undefined) {
      const at = new Date(now + a.liftedAt * HOUR)
      await tx.execute(sql`update alerts set status = 'lifted', lifted_at = ${at.toISOString()},
        lift_reason = ${a.liftReason ?? ''}, updated_at = ${at.toISOString()}, version = 2
        where id = ${id}`)
      await auditAt(tx, a.issuer, at, 'update', issued, (await findAlertRow(tx, id))!)
    }
  }
  options.log?.(`demo alerts: ${demoAlerts.length}`)
  return demoAlerts.length
}
