/**
 * A handful of demo records outside 陕西, in 广州市天河区 (440106), for the demo agency there:
 * they make scoping visible for a county of another province (a 天河 officer sees these and
 * nothing of 陕西; a 雁塔 officer never sees these). Written rather than generated: the
 * generator's anchors and industry mix are 陕西's, and four explicit rows say more than a
 * tiny random draw. The hazard source is graded by the same GB 18218 function as every other.
 */
import type { Queryable } from '../../server/db/database.ts'
import { assessHazardSource } from '../../server/domain/registry/gb18218.ts'
import { demoUscc } from './place.ts'
import { DEFAULT_REFERENCE_DATE, type DemoPlan } from './plan.ts'
import { writeDemo } from './write.ts'

export const OUTSIDE_SHAANXI = { province: '440000', county: '440106', name: '天河区' } as const

// A point in 天河区 (WGS84), near 车陂 on the east side of the district.
const SITE = { lng: 113.395, lat: 23.135 } as const
const CREATED = '2026-03-02T09:30:00+08:00'

const substances = [
  { name: '液化石油气', cas: '68476-85-7', quantityTonnes: 60 },
  { name: '天然气', cas: '8006-14-2', quantityTonnes: 12 },
]
const people = 420
const assessment = assessHazardSource({ substances, peopleWithin500m: people })

const enterpriseId = '44010600-0000-4000-8000-000000000001'
const hazardSourceId = '44010600-0000-4000-8000-000000000002'

export const outsideShaanxiPlan: DemoPlan = {
  seed: 0,
  scale: 0,
  resourceScale: 0,
  referenceDate: DEFAULT_REFERENCE_DATE,
  enterprises: [
    {
      id: enterpriseId,
      name: '广州天河示例燃气储配有限公司',
      industry: '危险化学品',
      usccSerial: 'TH0000001',
      uscc: demoUscc(OUTSIDE_SHAANXI.county, 'TH0000001'),
      anchorCounty: OUTSIDE_SHAANXI.county,
      anchorLng: SITE.lng,
      anchorLat: SITE.lat,
      lng: SITE.lng,
      lat: SITE.lat,
      street: '车陂路示例1号',
      employees: 86,
      contactName: '陈安全',
      contactPhone: '020-85550101',
      createdAt: CREATED,
    },
  ],
  hazardSources: [
    {
      id: hazardSourceId,
      enterpriseId,
      name: '液化石油气储罐区',
      unitKind: '储罐区',
      dLng: 0.0008,
      dLat: 0.0004,
      substances,
      peopleWithin500m: people,
      s: assessment.S,
      r: assessment.R,
      alpha: assessment.alpha,
      grade: assessment.grade,
      isMajor: assessment.isMajor,
      assessment,
      createdAt: CREATED,
    },
  ],
  hiddenDangers: [
    {
      id: '44010600-0000-4000-8000-000000000003',
      enterpriseId,
      hazardSourceId,
      title: '储罐区可燃气体检测报警仪未定期检定',
      description: '2号球罐区两台可燃气体探测器检定证书过期，报警值未复核。',
      severity: 'general',
      majorListId: null,
      majorItem: null,
      foundOn: '2026-11-10',
      deadline: '2026-12-20',
      responsiblePerson: '陈安全',
      status: 'open',
      closedAt: null,
      verified: false,
      dLng: 0.0002,
      dLat: 0.0001,
      createdAt: '2026-11-10T10:00:00+08:00',
      updatedAt: '2026-11-10T10:00:00+08:00',
    },
  ],
  resources: [
    {
      id: '44010600-0000-4000-8000-000000000004',
      kind: 'team',
      name: '天河区危化品应急救援队',
      category: '危化品救援队',
      capabilities: ['侦检', '堵漏', '洗消', '泡沫灭火'],
      inventory: [],
      capacity: null,
      headcount: 24,
      contactName: '黄队长',
      contactPhone: '020-85550119',
      status: 'available',
      anchorCounty: OUTSIDE_SHAANXI.county,
      anchorLng: 113.372,
      anchorLat: 23.142,
      lng: 113.372,
      lat: 23.142,
      createdAt: CREATED,
    },
  ],
}

/** Writes the 天河 records through the demo writer, which derives each region from its point. */
export async function writeOutsideShaanxi(db: Queryable): Promise<void> {
  await writeDemo(db, outsideShaanxiPlan, OUTSIDE_SHAANXI.province)
}
