import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signIn, type ApiClient } from '../../test/client.ts'
import { places, testUscc, uniqueName } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { AuditEntry } from '../audit/index.ts'
import type { HazardSourceDetail } from './hazard-sources.schemas.ts'

interface Problem {
  title: string
  detail?: string
  errors?: { field: string; message: string }[]
  current?: HazardSourceDetail
}
interface FC {
  type: string
  features: { id: string; properties: Record<string, unknown> }[]
}

let t: TestContext
let yanta: ApiClient // county officer, 雁塔区 (西安)
let yuyang: ApiClient // county officer, 榆阳区 (榆林)
let shaanxi: ApiClient // province
let viewer: ApiClient
let yantaEnterprise: { id: string; name: string }
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, shaanxi, viewer] = await Promise.all([
    signIn(t, 'yanta'),
    signIn(t, 'yuyang'),
    signIn(t, 'shaanxi'),
    signIn(t, 'viewer'),
  ])
  yantaEnterprise = await newEnterprise(yanta, places.yanta, '610113')
})
afterAll(async () => {
  await t?.close()
})

async function newEnterprise(as: ApiClient, location: [number, number], region: string) {
  const res = await as.post<{ id: string; name: string }>('/api/enterprises', {
    name: uniqueName('危源测试化工有限公司'),
    uscc: testUscc(region),
    industry: '危险化学品',
    address: '测试地址',
    location,
    employees: 50,
  })
  expect(res.status).toBe(201)
  return { id: res.body.id, name: res.body.name }
}

const chlorine = (quantityTonnes: number) => ({ name: '氯', quantityTonnes })
const newSource = (enterpriseId: string, location = places.yanta, overrides = {}) => ({
  enterpriseId,
  name: uniqueName('液氯储罐区'),
  unitKind: '储罐区',
  location,
  substances: [chlorine(50)],
  peopleWithin500m: 100,
  ...overrides,
})

describe('hazard sources: create and read', () => {
  it('stores the computed grade; GET returns the breakdown, enterprise and hidden dangers', async () => {
    const res = await yanta.post<HazardSourceDetail>(
      '/api/hazard-sources',
      newSource(yantaEnterprise.id),
    )
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ s: 10, r: 80, alpha: 2, grade: '二级', isMajor: true })
    expect(res.body).toMatchObject({ regionCode: '610113', regionName: '雁塔区', version: 1 })
    const stored = await t.database.db.execute(
      sql`select s, r, grade, is_major as "isMajor" from hazard_sources where id = ${res.body.id}`,
    )
    expect(stored.rows[0]).toEqual({ s: 10, r: 80, grade: '二级', isMajor: true })

    await t.database.db.execute(sql`
      insert into hidden_dangers (enterprise_id, hazard_source_id, title, severity, found_on,
        deadline, responsible_person, status, location, region_code)
      values
        (${yantaEnterprise.id}, ${res.body.id}, '液氯储罐区未设置泄漏报警', 'major', '2024-01-01',
         '2024-02-01', '张三', 'open', ST_SetSRID(ST_MakePoint(108.948, 34.213), 4326), '610113'),
        (${yantaEnterprise.id}, ${res.body.id}, '防护器材不足', 'general', '2024-01-01',
         '2024-02-01', '李四', 'closed', ST_SetSRID(ST_MakePoint(108.948, 34.213), 4326), '610113')`)

    const read = await yanta.get<HazardSourceDetail>(`/api/hazard-sources/${res.body.id}`)
    expect(read.status).toBe(200)
    expect(read.body.enterprise).toEqual(yantaEnterprise)
    expect(read.body.location).toEqual(places.yanta)
    expect(read.body.canEdit).toBe(true)
    expect(read.body.substances).toEqual([{ name: '氯', quantityTonnes: 50 }])
    expect(read.body.assessment).toMatchObject({ S: 10, R: 80, alpha: 2, grade: '二级' })
    expect(read.body.assessment.terms[0]).toMatchObject({
      name: '氯',
      Q: 5,
      beta: 4,
      table1Row: expect.any(Number),
    })
    const dangers = Object.fromEntries(read.body.hiddenDangers.map((d) => [d.status, d.overdue]))
    expect(dangers).toEqual({ open: true, closed: false })
  })

  it('below S = 1 it is stored as a general hazard: isMajor false, grade null', async () => {
    const res = await yanta.post<HazardSourceDetail>(
      '/api/hazard-sources',
      newSource(yantaEnterprise.id, places.yanta, { substances: [chlorine(1)] }),
    )
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ s: 0.2, isMajor: false, grade: null })
  })

  it('422 naming enterpriseId for an unknown enterprise or one outside the jurisdiction', async () => {
    const yulin = await newEnterprise(yuyang, places.yuyang, '610802')
    for (const id of ['00000000-0000-4000-8000-000000000000', yulin.id]) {
      const res = await yanta.post<Problem>('/api/hazard-sources', newSource(id))
      expect(res.status).toBe(422)
      expect(res.body.errors?.[0]?.field).toBe('enterpriseId')
    }
  })

  it('refuses an unlisted substance (422) and a client-sent grade (400); writes nothing', async () => {
    const name = uniqueName('未知物质储罐')
    const unknown = await yanta.post<Problem>('/api/hazard-sources', {
      ...newSource(yantaEnterprise.id),
      name,
      substances: [chlorine(1), { name: '某种溶剂X', quantityTonnes: 3 }],
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors?.[0]?.field).toBe('substances.1.category')
    const graded = await yanta.post<Problem>('/api/hazard-sources', {
      ...newSource(yantaEnterprise.id),
      name,
      grade: '四级',
    })
    expect(graded.status).toBe(400)
    const rows = await t.database.db.execute(sql`select 1 from hazard_sources where name = ${name}`)
    expect(rows.rows).toHaveLength(0)
  })

  it('lists as GeoJSON with grade, isMajor, enterprise and text filters', async () => {
    const e = await newEnterprise(yanta, places.yanta, '610113')
    const major = (await yanta.post<HazardSourceDetail>('/api/hazard-sources', newSource(e.id)))
      .body
    const minor = (
      await yanta.post<HazardSourceDetail>(
        '/api/hazard-sources',
        newSource(e.id, places.yanta, { substances: [chlorine(2)] }),
      )
    ).body
    const list = (query: string) =>
      yanta.get<FC>(`/api/hazard-sources?enterpriseId=${e.id}&${query}`)
    const all = await list('')
    expect(all.status).toBe(200)
    expect(all.headers.get('content-type')).toContain('application/geo+json')
    expect(all.body.features.map((f) => f.id)).toEqual([major.id, minor.id]) // highest R first
    expect(all.body.features[0]?.properties).toMatchObject({
      name: major.name,
      enterpriseName: e.name,
      grade: '二级',
      isMajor: true,
      r: 80,
      s: 10,
      unitKind: '储罐区',
      regionCode: '610113',
      retired: false,
    })
    const ids = async (query: string) => (await list(query)).body.features.map((f) => f.id)
    expect(await ids('isMajor=false')).toEqual([minor.id])
    expect(await ids(`grade=${encodeURIComponent('一级,二级')}`)).toEqual([major.id])
    expect(await ids(`grade=${encodeURIComponent('三级')}`)).toEqual([])
    expect(await ids(`q=${encodeURIComponent(e.name)}`)).toHaveLength(2)
    expect(await ids(`q=${encodeURIComponent(major.name)}`)).toEqual([major.id])
    expect(await ids('region=610113&bbox=108.9,34.2,109.0,34.3')).toHaveLength(2)
    expect(await ids('region=610802')).toEqual([])
    const bad = await yanta.get<Problem>(`/api/hazard-sources?grade=${encodeURIComponent('五级')}`)
    expect(bad.status).toBe(400)
    expect(bad.body.errors?.[0]?.field).toBe('grade')
  })
})

describe('hazard sources: edits, audit, concurrency and retire', () => {
  it('PATCHing quantities regrades; the audit shows the old and new grade', async () => {
    const created = (
      await yanta.post<HazardSourceDetail>('/api/hazard-sources', newSource(yantaEnterprise.id))
    ).body
    const up = await yanta.patch<HazardSourceDetail>(`/api/hazard-sources/${created.id}`, {
      version: 1,
      substances: [chlorine(100)],
    })
    expect(up.status).toBe(200)
    expect(up.body).toMatchObject({ s: 20, r: 160, grade: '一级', version: 2 })
    const fewer = await yanta.patch<HazardSourceDetail>(`/api/hazard-sources/${created.id}`, {
      version: 2,
      peopleWithin500m: 0,
    })
    expect(fewer.body).toMatchObject({ alpha: 0.5, r: 40, grade: '三级', version: 3 })
    const renamed = await yanta.patch<HazardSourceDetail>(`/api/hazard-sources/${created.id}`, {
      version: 3,
      name: '液氯储罐区(改)',
    })
    expect(renamed.body).toMatchObject({ name: '液氯储罐区(改)', grade: '三级', r: 40 })

    const history = await yanta.get<AuditEntry[]>(
      `/api/audit?entity=hazard_source&id=${created.id}`,
    )
    expect(history.body.map((h) => h.action)).toEqual(['update', 'update', 'update', 'create'])
    const first = history.body[2]!
    const before = first.before as { grade: string; r: number; s: number }
    const after = first.after as { grade: string; r: number; s: number }
    expect([before.grade, before.r, before.s]).toEqual(['二级', 80, 10])
    expect([after.grade, after.r, after.s]).toEqual(['一级', 160, 20])
  })

  it('answers a stale version with 409 carrying the current record', async () => {
    const created = (
      await yanta.post<HazardSourceDetail>('/api/hazard-sources', newSource(yantaEnterprise.id))
    ).body
    await yanta.patch(`/api/hazard-sources/${created.id}`, { version: 1, peopleWithin500m: 50 })
    const stale = await yanta.patch<Problem>(`/api/hazard-sources/${created.id}`, {
      version: 1,
      peopleWithin500m: 0,
    })
    expect(stale.status).toBe(409)
    expect(stale.headers.get('content-type')).toContain('application/problem+json')
    expect(stale.body.current).toMatchObject({ version: 2, peopleWithin500m: 50, r: 60 })
  })

  it('two PATCHes of one version at once: one lands, the other is 409; one audit, one event', async () => {
    const created = (
      await yanta.post<HazardSourceDetail>('/api/hazard-sources', newSource(yantaEnterprise.id))
    ).body
    const both = await Promise.all(
      [10, 20].map((people) =>
        yanta.patch<HazardSourceDetail>(`/api/hazard-sources/${created.id}`, {
          version: 1,
          peopleWithin500m: people,
        }),
      ),
    )
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    const counts = await t.database.db.execute(sql`
      select (select count(*)::int from audit_log
                where entity_id = ${created.id} and action = 'update') as audits,
             (select count(*)::int from events
                where entity_id = ${created.id} and payload->>'action' = 'update') as events`)
    expect(counts.rows[0]).toEqual({ audits: 1, events: 1 })
  })

  it('a PATCH that moves the unit to another county announces it in both', async () => {
    const created = (
      await shaanxi.post<HazardSourceDetail>('/api/hazard-sources', newSource(yantaEnterprise.id))
    ).body
    const moved = await shaanxi.patch<HazardSourceDetail>(`/api/hazard-sources/${created.id}`, {
      version: 1,
      location: places.yuyang,
    })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ regionCode: '610802', version: 2 })
    const events = await t.database.db.execute(sql`
      select region_code as "regionCode", payload from events
      where entity_id = ${created.id} and payload->>'action' = 'update' order by id`)
    expect(events.rows).toEqual([
      { regionCode: '610802', payload: { action: 'update', version: 2 } },
      { regionCode: '610113', payload: { action: 'update', version: 2, movedTo: '610802' } },
    ])
    const audit = await t.database.db.execute(sql`
      select before->>'regionCode' as "from", after->>'regionCode' as "to", after->>'version' as v
      from audit_log where entity_id = ${created.id} and action = 'update'`)
    expect(audit.rows).toEqual([{ from: '610113', to: '610802', v: '2' }])
  })

  it('retires without deleting: hidden from lists, kept in the table, no longer editable', async () => {
    const created = (
      await yanta.post<HazardSourceDetail>('/api/hazard-sources', newSource(yantaEnterprise.id))
    ).body
    const retired = await yanta.post<HazardSourceDetail>(
      `/api/hazard-sources/${created.id}/retire`,
      {
        version: 1,
        reason: '装置已拆除',
      },
    )
    expect(retired.status).toBe(200)
    expect(retired.body).toMatchObject({ retiredReason: '装置已拆除', canEdit: false, version: 2 })
    expect(retired.body.retiredAt).not.toBeNull()
    const q = `q=${encodeURIComponent(created.name)}`
    expect((await yanta.get<FC>(`/api/hazard-sources?${q}`)).body.features).toHaveLength(0)
    const withRetired = await yanta.get<FC>(`/api/hazard-sources?includeRetired=true&${q}`)
    expect(withRetired.body.features[0]?.properties.retired).toBe(true)
    const again = await yanta.patch(`/api/hazard-sources/${created.id}`, { version: 2, name: 'x' })
    expect(again.status).toBe(409)
    const rows = await t.database.db.execute(
      sql`select count(*)::int as n from hazard_sources where id = ${created.id}`,
    )
    expect((rows.rows[0] as { n: number }).n).toBe(1)
    const history = await yanta.get<AuditEntry[]>(
      `/api/audit?entity=hazard_source&id=${created.id}`,
    )
    expect(history.body.map((h) => h.action)).toEqual(['retire', 'create'])
  })
})

describe('hazard sources: jurisdiction', () => {
  let yulin: HazardSourceDetail
  beforeAll(async () => {
    const e = await newEnterprise(yuyang, places.yuyang, '610802')
    const res = await yuyang.post<HazardSourceDetail>(
      '/api/hazard-sources',
      newSource(e.id, places.yuyang),
    )
    expect(res.status).toBe(201)
    yulin = res.body
    expect(yulin.regionCode).toBe('610802')
  })

  it('a 西安 county officer gets 404 on GET and PATCH, and sees it in no list', async () => {
    expect((await yanta.get(`/api/hazard-sources/${yulin.id}`)).status).toBe(404)
    const patch = await yanta.patch(`/api/hazard-sources/${yulin.id}`, { version: 1, name: 'x' })
    expect(patch.status).toBe(404)
    const fc = await yanta.get<FC>(`/api/hazard-sources?q=${encodeURIComponent(yulin.name)}`)
    expect(fc.body.features).toHaveLength(0)
    // Not only this name: nothing outside 雁塔区 in the whole list either.
    const all = await yanta.get<FC>('/api/hazard-sources?limit=5000')
    expect(all.body.features.length).toBeGreaterThan(0)
    expect(
      all.body.features.filter((f) => !String(f.properties.regionCode).startsWith('610113')),
    ).toEqual([])
  })

  it('a 西安 county officer cannot place a source in 榆林: 403 naming location', async () => {
    const res = await yanta.post<Problem>(
      '/api/hazard-sources',
      newSource(yantaEnterprise.id, places.yuyang),
    )
    expect(res.status).toBe(403)
    expect(res.body.errors?.[0]?.field).toBe('location')
  })

  it('the province reads and edits it', async () => {
    const read = await shaanxi.get<HazardSourceDetail>(`/api/hazard-sources/${yulin.id}`)
    expect(read.status).toBe(200)
    expect(read.body.canEdit).toBe(true)
    const res = await shaanxi.patch<HazardSourceDetail>(`/api/hazard-sources/${yulin.id}`, {
      version: read.body.version,
      substances: [chlorine(5)],
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ s: 1, r: 8, grade: '四级', version: 2 })
  })

  it('a viewer reads but cannot write (403)', async () => {
    const read = await viewer.get<HazardSourceDetail>(`/api/hazard-sources/${yulin.id}`)
    expect(read.status).toBe(200)
    expect(read.body.canEdit).toBe(false)
    const res = await viewer.patch(`/api/hazard-sources/${yulin.id}`, { version: 2, name: 'x' })
    expect(res.status).toBe(403)
  })
})
