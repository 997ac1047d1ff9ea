import { todayInChina } from '../../lib/registry/overdue.ts'
import { afterAll, beforeAll, expect } from 'vitest'
import { sql } from 'drizzle-orm'
import { signIn, type ApiClient, type TestResponse } from '../../test/client.ts'
import { places, testUscc, uniqueName } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { EnterpriseDetail } from '../enterprises/enterprises.schemas.ts'
import type { HiddenDangerDetail } from './hidden-dangers.schemas.ts'

export interface Problem {
  title: string
  errors?: { field: string; message: string }[]
  current?: HiddenDangerDetail
}
export interface FC {
  features: { id: string; properties: Record<string, unknown> }[]
}

/** What the hidden-danger test files share; filled in by the beforeAll `dangerWorld` registers. */
export interface DangerWorld {
  t: TestContext
  yanta: ApiClient // county officer in 西安
  yuyang: ApiClient // county officer in 榆林
  shaanxi: ApiClient // province
  chem: EnterpriseDetail // 危险化学品, 雁塔区, owns hazard source `sourceId`
  other: EnterpriseDetail // 危险化学品, 雁塔区, owns hazard source `otherSourceId`
  coal: EnterpriseDetail // 煤矿, 榆阳区
  sourceId: string
  otherSourceId: string
  /** Today in China as the database computes it: overdue is computed there. */
  today: string
  danger(over?: Record<string, unknown>): Record<string, unknown>
  create<T = HiddenDangerDetail>(
    as: ApiClient,
    over?: Record<string, unknown>,
  ): Promise<TestResponse<T>>
  list(as: ApiClient, query: string): Promise<TestResponse<FC>>
}

export const shiftDay = (day: string, by: number) => {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + by)
  return d.toISOString().slice(0, 10)
}

async function newEnterprise(
  as: ApiClient,
  industry: string,
  at: [number, number],
  region: string,
) {
  const res = await as.post<EnterpriseDetail>('/api/enterprises', {
    name: uniqueName(`隐患测试企业-${industry}`),
    uscc: testUscc(region),
    industry,
    location: at,
  })
  expect(res.status).toBe(201)
  return res.body
}

/** Hazard sources go in by SQL: their routes are another module's, and only the link matters here. */
async function insertSource(t: TestContext, e: EnterpriseDetail, name: string): Promise<string> {
  const [lng, lat] = e.location
  const r = await t.database.db.execute(sql`
    insert into hazard_sources (enterprise_id, name, unit_kind, location, substances,
      people_within_500m, s, r, alpha, grade, is_major, assessment, region_code)
    values (${e.id}, ${name}, '储罐区', ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326),
      '[]'::jsonb, 10, 2, 30, 1, '三级', true, '{}'::jsonb, ${e.regionCode})
    returning id`)
  return (r.rows[0] as { id: string }).id
}

export function dangerWorld(): DangerWorld {
  const w = {} as DangerWorld
  w.danger = (over = {}) => ({
    enterpriseId: w.chem.id,
    title: uniqueName('可燃气体检测报警装置缺失'),
    severity: 'major',
    majorItem: '12',
    foundOn: w.today,
    deadline: shiftDay(w.today, 30),
    responsiblePerson: '王工',
    ...over,
  })
  w.create = (as, over = {}) => as.post('/api/hidden-dangers', w.danger(over))
  w.list = (as, query) => as.get<FC>(`/api/hidden-dangers?${query}`)
  beforeAll(async () => {
    const t = await openTestContext()
    w.t = t
    ;[w.yanta, w.yuyang, w.shaanxi] = await Promise.all([
      signIn(t, 'yanta'),
      signIn(t, 'yuyang'),
      signIn(t, 'shaanxi'),
    ])
    w.chem = await newEnterprise(w.yanta, '危险化学品', places.yanta, '610113')
    w.other = await newEnterprise(w.yanta, '危险化学品', places.yanta, '610113')
    w.coal = await newEnterprise(w.yuyang, '煤矿', places.yuyang, '610802')
    w.sourceId = await insertSource(t, w.chem, '1号液氨储罐区')
    w.otherSourceId = await insertSource(t, w.other, '甲醇罐区')
    const d = await t.database.db.execute(sql`select to_char(${todayInChina}, 'YYYY-MM-DD') as d`)
    w.today = (d.rows[0] as { d: string }).d
  })
  afterAll(async () => {
    await w.t?.close()
  })
  return w
}
