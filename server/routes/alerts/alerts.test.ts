import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places, testUscc, uniqueName } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { AlertDetail, AlertInside } from './alerts.schemas.ts'
import { xmllintCap } from './cap/xmllint.ts'

interface Problem {
  status: number
  errors?: { field: string; code: string; message: string }[]
}
interface FC {
  features: { id: string; properties: Record<string, unknown> }[]
}

let t: TestContext
let yanta: ApiClient, yuyang: ApiClient, xian: ApiClient, shaanxi: ApiClient, viewer: ApiClient
let national: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, xian, shaanxi, viewer, national] = await signInMany(
    t,
    'yanta',
    'yuyang',
    'xian',
    'shaanxi',
    'viewer',
    'national',
  )
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const HOUR = 3_600_000
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString()
export const circleAlert = (overrides: Record<string, unknown> = {}) => ({
  level: '二级',
  eventType: '危化品泄漏',
  title: '液氯泄漏下风向预警',
  text: '某化工企业液氯储罐泄漏，下风向2公里范围内有中毒风险',
  instructions: '下风向居民关闭门窗，向上风向疏散',
  audience: '雁塔区下风向居民及企业',
  area: { kind: 'circle', center: places.yanta, radiusM: 800 },
  areaDesc: '雁塔区泄漏点周边800米',
  expiresAt: inHours(6),
  ...overrides,
})

async function capOf(client: ApiClient, id: string) {
  const res = await client.get<string>(`/api/alerts/${id}.cap`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/cap\+xml/)
  return res.body
}

describe('issuing, scope and lifecycle', () => {
  let alert: AlertDetail
  it('issues with a national identifier in the issuer’s jurisdiction', async () => {
    const res = await yanta.post<AlertDetail>('/api/alerts', circleAlert())
    expect(res.status).toBe(201)
    alert = res.body
    expect(alert.identifier).toMatch(/^61011300000000_\d{14}$/)
    expect(alert).toMatchObject({
      regionCode: '610113',
      phase: 'active',
      status: 'issued',
      version: 1,
    })
    expect(alert.countyCodes).toContain('610113')
    expect(alert.circle).toEqual({ center: places.yanta, radiusM: 800 })
    expect(alert.history).toHaveLength(1)
    const events = await t.database.db.execute(
      sql`select type, region_code from events where entity = 'alert' and entity_id = ${alert.id}`,
    )
    expect(events.rows).toContainEqual({ type: 'alert.issued', region_code: '610113' })
  })
  it('is listed in scope and hidden outside (404 read, 404 write)', async () => {
    const own = await yanta.get<FC>('/api/alerts')
    expect(own.body.features.map((f) => f.id)).toContain(alert.id)
    const city = await xian.get<FC>('/api/alerts?bbox=108.5,34,109.5,34.5')
    expect(city.body.features.map((f) => f.id)).toContain(alert.id)
    const other = await yuyang.get<FC>('/api/alerts')
    expect(other.body.features.map((f) => f.id)).not.toContain(alert.id)
    expect((await yuyang.get(`/api/alerts/${alert.id}`)).status).toBe(404)
    expect((await yuyang.get(`/api/alerts/${alert.id}.cap`)).status).toBe(404)
    expect((await yuyang.get(`/api/alerts/${alert.id}/inside`)).status).toBe(404)
    expect((await yuyang.patch(`/api/alerts/${alert.id}`, { version: 1, title: 'x' })).status).toBe(
      404,
    )
    expect((await yuyang.post(`/api/alerts/${alert.id}/lift`, { version: 1 })).status).toBe(404)
  })
  it('refuses issuing outside the jurisdiction (403) and by a viewer (403)', async () => {
    const far = circleAlert({ area: { kind: 'circle', center: places.yuyang, radiusM: 800 } })
    const res = await yanta.post<Problem>('/api/alerts', far)
    expect(res.status).toBe(403)
    expect(res.body.errors?.[0]).toMatchObject({ field: 'area', code: 'not_in_jurisdiction' })
    expect((await viewer.post('/api/alerts', circleAlert())).status).toBe(403)
    const sea = circleAlert({ area: { kind: 'circle', center: places.sea, radiusM: 800 } })
    expect((await national.post<Problem>('/api/alerts', sea)).body.errors?.[0]?.code).toBe(
      'outside_regions',
    )
  })
  it('refuses an expiry before the onset, naming expiresAt', async () => {
    const res = await yanta.post<Problem>(
      '/api/alerts',
      circleAlert({ onset: inHours(2), expiresAt: inHours(1) }),
    )
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]).toMatchObject({ field: 'expiresAt', code: 'end_before_start' })
  })
  it('updates version-checked (stale → 409) and keeps the history', async () => {
    const res = await yanta.patch<AlertDetail>(`/api/alerts/${alert.id}`, {
      version: 1,
      level: '一级',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ level: '一级', status: 'updated', version: 2 })
    expect(res.body.history.map((h) => h.version)).toEqual([2, 1])
    const stale = await yanta.patch<Problem>(`/api/alerts/${alert.id}`, { version: 1, title: 'x' })
    expect(stale.status).toBe(409)
    const cap = await capOf(yanta, alert.id)
    expect(cap).toContain('<msgType>Update</msgType>')
    expect(cap).toContain(`<references>61011300000000,${alert.identifier},`)
    expect(xmllintCap(cap)).toBe('')
  })
  it('lifts: gone from the default list, kept with include=expired, no further change', async () => {
    const res = await yanta.post<AlertDetail>(`/api/alerts/${alert.id}/lift`, {
      version: 2,
      reason: '险情解除',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'lifted', phase: 'lifted', canEdit: false })
    const list = await yanta.get<FC>('/api/alerts')
    expect(list.body.features.map((f) => f.id)).not.toContain(alert.id)
    const all = await yanta.get<FC>('/api/alerts?include=expired')
    expect(all.body.features.find((f) => f.id === alert.id)?.properties.phase).toBe('lifted')
    const again = await yanta.post<Problem>(`/api/alerts/${alert.id}/lift`, { version: 3 })
    expect(again.status).toBe(422)
    const cap = await capOf(yanta, alert.id)
    expect(cap).toContain('<msgType>Cancel</msgType>')
    expect(xmllintCap(cap)).toBe('')
  })
  it('expires by itself at expires_at (list, phase, no update or lift)', async () => {
    const res = await yanta.post<AlertDetail>(
      '/api/alerts',
      circleAlert({ title: uniqueName('到期') }),
    )
    const id = res.body.id
    // Move the expiry to just now: expired is derived, nothing else changes.
    await t.database.db.execute(sql`update alerts set onset = now() - interval '2 hours',
      expires_at = now() - interval '1 millisecond' where id = ${id}`)
    const list = await yanta.get<FC>('/api/alerts')
    expect(list.body.features.map((f) => f.id)).not.toContain(id)
    const got = await yanta.get<AlertDetail>(`/api/alerts/${id}`)
    expect(got.body).toMatchObject({ phase: 'expired', status: 'issued', canEdit: false })
    expect((await yanta.patch(`/api/alerts/${id}`, { version: 1, title: 'x' })).status).toBe(422)
    expect((await yanta.post(`/api/alerts/${id}/lift`, { version: 1 })).status).toBe(422)
    await t.database.db.execute(
      sql`update alerts set expires_at = now() + interval '1 minute' where id = ${id}`,
    )
    const back = await yanta.get<FC>('/api/alerts')
    expect(back.body.features.map((f) => f.id)).toContain(id)
  })
  it('a province’s regions alert reaches the counties under it, who may read but not write', async () => {
    const res = await shaanxi.post<AlertDetail>(
      '/api/alerts',
      circleAlert({
        level: '三级',
        eventType: '高温',
        area: { kind: 'regions', codes: ['610100'] },
      }),
    )
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      regionCode: '610100',
      areaKind: 'regions',
      areaRegionCodes: ['610100'],
    })
    expect(res.body.countyCodes).toContain('610113')
    expect(res.body.identifier).toMatch(/^61000000000000_/)
    const seen = await yanta.get<AlertDetail>(`/api/alerts/${res.body.id}`)
    expect(seen.status).toBe(200)
    expect(seen.body.canEdit).toBe(false)
    expect(
      (await yanta.patch(`/api/alerts/${res.body.id}`, { version: 1, title: 'x' })).status,
    ).toBe(403)
    expect((await yuyang.get(`/api/alerts/${res.body.id}`)).status).toBe(404)
    const cap = await capOf(yanta, res.body.id)
    expect(cap).toContain('<value>610100</value>')
    expect(xmllintCap(cap)).toBe('')
  })
})

describe('demo alerts', () => {
  it('the demo seed has alerts in force, pending, expired and lifted in 陕西', async () => {
    const all = await shaanxi.get<FC>('/api/alerts?include=expired')
    const phases = new Set(all.body.features.map((f) => f.properties.phase))
    for (const phase of ['active', 'pending', 'expired', 'lifted']) expect(phases).toContain(phase)
    const titles = all.body.features.map((f) => String(f.properties.title))
    expect(titles).toContain('商洛市暴雨橙色预警（尾矿库防汛）')
    const own = await yuyang.get<FC>('/api/alerts?include=expired')
    expect(own.body.features.map((f) => f.properties.title)).toContain('榆林市大风蓝色预警')
    expect(own.body.features.map((f) => f.properties.title)).not.toContain('西安市高温黄色预警')
  })
  it('each demo alert has its history: the issue, and the lift for the lifted one', async () => {
    const all = await shaanxi.get<FC>('/api/alerts?include=expired')
    const byTitle = (title: string) => all.body.features.find((f) => f.properties.title === title)!
    const heat = await shaanxi.get<AlertDetail>(`/api/alerts/${byTitle('西安市高温黄色预警').id}`)
    expect(heat.body.history).toEqual([
      expect.objectContaining({ username: 'xian', action: 'create', version: 1, status: 'issued' }),
    ])
    expect(Date.parse(heat.body.history[0]!.at)).toBe(Date.parse(heat.body.issuedAt))
    const lifted = await shaanxi.get<AlertDetail>(`/api/alerts/${byTitle('汉中市暴雨黄色预警').id}`)
    expect(lifted.body.history.map((h) => [h.action, h.version, h.status])).toEqual([
      ['update', 2, 'lifted'],
      ['create', 1, 'issued'],
    ])
    expect(lifted.body.history[0]!.username).toBe('汉中市应急管理局')
  })
})

describe('what is inside the area', () => {
  it('counts and lists hazard sources, enterprises, resources and shelters; people unknown', async () => {
    const near: [number, number] = [places.yanta[0] + 0.001, places.yanta[1]]
    const e = await yanta.post<{ id: string }>('/api/enterprises', {
      name: uniqueName('预警内化工'),
      uscc: testUscc('610113'),
      industry: '危险化学品',
      location: near,
      employees: 10,
    })
    expect(e.status).toBe(201)
    const h = await yanta.post<{ id: string }>('/api/hazard-sources', {
      enterpriseId: e.body.id,
      name: uniqueName('预警内储罐'),
      unitKind: '储罐区',
      location: near,
      substances: [{ name: '氯', quantityTonnes: 50 }],
      peopleWithin500m: 100,
    })
    expect(h.status).toBe(201)
    const resource = (kind: string, category: string) =>
      yanta.post<{ id: string }>('/api/resources', {
        kind,
        name: uniqueName(`预警内${category}`),
        category,
        capabilities: [],
        inventory: [],
        capacity: kind === 'shelter' ? 500 : null,
        headcount: kind === 'team' ? 20 : null,
        contactName: '李',
        contactPhone: '029-1',
        status: 'available',
        location: near,
      })
    const team = await resource('team', '危化品救援队')
    const shelter = await resource('shelter', '避难场所')
    expect([team.status, shelter.status]).toEqual([201, 201])
    const far = await resource('team', '消防救援队')
    void far
    const alert = await yanta.post<AlertDetail>(
      '/api/alerts',
      circleAlert({ area: { kind: 'circle', center: places.yanta, radiusM: 300 } }),
    )
    const res = await yanta.get<AlertInside>(`/api/alerts/${alert.body.id}/inside`)
    expect(res.status).toBe(200)
    const ids = (k: keyof Omit<AlertInside, 'population' | 'listLimit'>) =>
      res.body[k].items.map((i) => i.id)
    expect(ids('enterprises')).toContain(e.body.id)
    expect(ids('hazardSources')).toContain(h.body.id)
    expect(ids('resources')).toContain(team.body.id)
    expect(ids('resources')).not.toContain(shelter.body.id)
    expect(ids('shelters')).toEqual([shelter.body.id])
    expect(res.body.shelters.count).toBe(1)
    expect(res.body.population.status).toBe('unknown')
    expect(res.body.population.estimate).toBeNull()
    expect(res.body.population.regions.map((r) => r.code)).toContain('610113')
    // A smaller circle elsewhere in 雁塔 holds none of them.
    const empty = await yanta.post<AlertDetail>(
      '/api/alerts',
      circleAlert({ area: { kind: 'circle', center: [108.99, 34.18], radiusM: 100 } }),
    )
    const none = await yanta.get<AlertInside>(`/api/alerts/${empty.body.id}/inside`)
    expect(none.body.shelters.count).toBe(0)
    expect(none.body.enterprises.items.map((i) => i.id)).not.toContain(e.body.id)
  })
  it('gives a population estimate once every county touched has a figure', async () => {
    await t.database.db.execute(sql`update regions set population = 1000000 where code = '610113'`)
    const alert = await yanta.post<AlertDetail>(
      '/api/alerts',
      circleAlert({ area: { kind: 'regions', codes: ['610113'] } }),
    )
    const res = await yanta.get<AlertInside>(`/api/alerts/${alert.body.id}/inside`)
    expect(res.body.population).toMatchObject({ status: 'known', estimate: 1000000 })
    await t.database.db.execute(sql`update regions set population = null where code = '610113'`)
  })
})
