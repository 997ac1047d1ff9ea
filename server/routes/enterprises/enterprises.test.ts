import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places, testUscc, uniqueName } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { AuditEntry } from '../audit/index.ts'
import type { EnterpriseDetail } from './enterprises.schemas.ts'

interface Problem {
  title: string
  detail?: string
  errors?: { field: string; message: string }[]
  current?: EnterpriseDetail
}

let t: TestContext
let yanta: ApiClient // county officer in 西安
let yuyang: ApiClient // county officer in 榆林
let shaanxi: ApiClient // province
let viewer: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, shaanxi, viewer] = await signInMany(t, 'yanta', 'yuyang', 'shaanxi', 'viewer')
})
afterAll(async () => {
  await t?.close()
})

const newEnterprise = (location: [number, number], region = '610113') => ({
  name: uniqueName('示例化工有限公司-T'),
  uscc: testUscc(region),
  industry: '危险化学品',
  address: '测试地址',
  location,
  employees: 120,
})

describe('enterprises: create and read', () => {
  it('creates in the officer’s county; the server sets the region from the location', async () => {
    const res = await yanta.post<EnterpriseDetail>('/api/enterprises', {
      ...newEnterprise(places.yanta),
    })
    expect(res.status).toBe(201)
    expect(res.body.regionCode).toBe('610113')
    expect(res.body.regionName).toBe('雁塔区')
    expect(res.body.version).toBe(1)
    expect(res.body.canEdit).toBe(true)
  })

  it('ignores a client-sent region code: unknown fields are refused', async () => {
    const res = await yanta.post<Problem>('/api/enterprises', {
      ...newEnterprise(places.yanta),
      regionCode: '610802',
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('regionCode')
  })

  it('lists as GeoJSON with the new record in it', async () => {
    const created = await yanta.post<EnterpriseDetail>(
      '/api/enterprises',
      newEnterprise(places.yanta),
    )
    const fc = await yanta.get<{
      type: string
      features: { id: string; properties: { name: string } }[]
    }>(`/api/enterprises?q=${encodeURIComponent(created.body.name)}`)
    expect(fc.status).toBe(200)
    expect(fc.headers.get('content-type')).toContain('application/geo+json')
    expect(fc.body.type).toBe('FeatureCollection')
    expect(fc.body.features.map((f) => f.id)).toEqual([created.body.id])
  })
})

describe('enterprises: jurisdiction', () => {
  let yulinRecord: EnterpriseDetail
  beforeAll(async () => {
    yulinRecord = (
      await yuyang.post<EnterpriseDetail>(
        '/api/enterprises',
        newEnterprise(places.yuyang, '610802'),
      )
    ).body
    expect(yulinRecord.regionCode).toBe('610802')
  })

  it('a 西安 county officer cannot see an 榆林 record: 404, and it is not in lists', async () => {
    expect((await yanta.get(`/api/enterprises/${yulinRecord.id}`)).status).toBe(404)
    const fc = await yanta.get<{ features: { id: string }[] }>(
      `/api/enterprises?q=${encodeURIComponent(yulinRecord.name)}`,
    )
    expect(fc.body.features).toHaveLength(0)
  })

  it('a 西安 county officer cannot edit an 榆林 record (404: existence not revealed)', async () => {
    const res = await yanta.patch(`/api/enterprises/${yulinRecord.id}`, {
      version: 1,
      employees: 5,
    })
    expect(res.status).toBe(404)
  })

  it('a 西安 county officer cannot place a record in 榆林 or in another 西安 district: 403 naming location', async () => {
    for (const where of [places.yuyang, places.weiyang]) {
      const res = await yanta.post<Problem>('/api/enterprises', newEnterprise(where))
      expect(res.status).toBe(403)
      expect(res.body.errors?.[0]?.field).toBe('location')
    }
  })

  it('the province sees and edits the 榆林 record', async () => {
    const read = await shaanxi.get<EnterpriseDetail>(`/api/enterprises/${yulinRecord.id}`)
    expect(read.status).toBe(200)
    expect(read.body.canEdit).toBe(true)
    const res = await shaanxi.patch<EnterpriseDetail>(`/api/enterprises/${yulinRecord.id}`, {
      version: read.body.version,
      employees: 333,
    })
    expect(res.status).toBe(200)
    expect(res.body.employees).toBe(333)
  })

  it('a viewer reads but cannot write (403)', async () => {
    const read = await viewer.get<EnterpriseDetail>(`/api/enterprises/${yulinRecord.id}`)
    expect(read.status).toBe(200)
    expect(read.body.canEdit).toBe(false)
    expect(
      (await viewer.post('/api/enterprises', newEnterprise(places.yuyang, '610802'))).status,
    ).toBe(403)
  })
})

describe('enterprises: optimistic concurrency and soft delete', () => {
  it('answers a stale version with 409 carrying the current record', async () => {
    const created = (
      await yanta.post<EnterpriseDetail>('/api/enterprises', newEnterprise(places.yanta))
    ).body
    const first = await yanta.patch<EnterpriseDetail>(`/api/enterprises/${created.id}`, {
      version: 1,
      employees: 10,
    })
    expect(first.status).toBe(200)
    expect(first.body.version).toBe(2)
    const stale = await yanta.patch<Problem>(`/api/enterprises/${created.id}`, {
      version: 1,
      employees: 99,
    })
    expect(stale.status).toBe(409)
    expect(stale.headers.get('content-type')).toContain('application/problem+json')
    expect(stale.body.current?.employees).toBe(10)
    expect(stale.body.current?.version).toBe(2)
  })

  it('retires without deleting: the row stays, hidden from lists, history kept', async () => {
    const created = (
      await yanta.post<EnterpriseDetail>('/api/enterprises', newEnterprise(places.yanta))
    ).body
    const retired = await yanta.post<EnterpriseDetail>(`/api/enterprises/${created.id}/retire`, {
      version: 1,
      reason: '企业已关闭',
    })
    expect(retired.status).toBe(200)
    expect(retired.body.retiredAt).not.toBeNull()
    expect(retired.body.canEdit).toBe(false)
    const list = await yanta.get<{ features: unknown[] }>(
      `/api/enterprises?q=${encodeURIComponent(created.name)}`,
    )
    expect(list.body.features).toHaveLength(0)
    const withRetired = await yanta.get<{ features: unknown[] }>(
      `/api/enterprises?includeRetired=true&q=${encodeURIComponent(created.name)}`,
    )
    expect(withRetired.body.features).toHaveLength(1)
    const again = await yanta.patch(`/api/enterprises/${created.id}`, { version: 2, employees: 1 })
    expect(again.status).toBe(409)
    const rows = await t.database.db.execute(
      sql`select count(*)::int as n from enterprises where id = ${created.id}`,
    )
    expect((rows.rows[0] as { n: number }).n).toBe(1)
  })
})

describe('enterprises: validation', () => {
  it.each([
    [{ uscc: '91610113MA6TXXXX0X' }, 'uscc'],
    [{ industry: '银行' }, 'industry'],
    [{ location: [200, 34] }, 'location'],
    [{ location: [34.2, 108.9] }, 'location'], // lat/lng swapped
    [{ employees: -1 }, 'employees'],
    [{ employees: 1.5 }, 'employees'],
    [{ name: '' }, 'name'],
  ])('400 for %j naming %s', async (override, field) => {
    const res = await yanta.post<Problem>('/api/enterprises', {
      ...newEnterprise(places.yanta),
      ...override,
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.errors?.map((e) => e.field)).toContain(field)
  })

  it('422 for a point in China’s extent but in no region (the sea)', async () => {
    const res = await shaanxi.post<Problem>('/api/enterprises', newEnterprise(places.sea))
    expect(res.status).toBe(422)
    expect(res.body.errors?.[0]?.field).toBe('location')
  })

  it('422 naming uscc for a duplicate 统一社会信用代码', async () => {
    const e = newEnterprise(places.yanta)
    expect((await yanta.post('/api/enterprises', e)).status).toBe(201)
    const dup = await yanta.post<Problem>('/api/enterprises', {
      ...newEnterprise(places.yanta),
      uscc: e.uscc,
    })
    expect(dup.status).toBe(422)
    expect(dup.body.errors?.[0]?.field).toBe('uscc')
  })
})

describe('enterprises: atomic writes and audit', () => {
  it('a batch failing midway writes nothing (no partial write)', async () => {
    const before = await t.database.db.execute(sql`select count(*)::int as n from enterprises`)
    const a = newEnterprise(places.yanta)
    const b = newEnterprise(places.yanta)
    const res = await yanta.post<Problem>('/api/enterprises/batch', {
      enterprises: [a, b, { ...newEnterprise(places.yanta), uscc: a.uscc }],
    })
    expect(res.status).toBe(422)
    expect(res.body.errors?.[0]?.field).toBe('enterprises.2.uscc')
    const after = await t.database.db.execute(sql`select count(*)::int as n from enterprises`)
    expect((after.rows[0] as { n: number }).n).toBe((before.rows[0] as { n: number }).n)
    const audit = await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where after->>'uscc' in (${a.uscc}, ${b.uscc})`,
    )
    expect((audit.rows[0] as { n: number }).n).toBe(0)
  })

  it('a batch outside jurisdiction on item 2 writes nothing either', async () => {
    const a = newEnterprise(places.yanta)
    const res = await yanta.post<Problem>('/api/enterprises/batch', {
      enterprises: [a, newEnterprise(places.yuyang)],
    })
    expect(res.status).toBe(403)
    expect(res.body.errors?.[0]?.field).toBe('enterprises.1.location')
    const found = await t.database.db.execute(sql`select 1 from enterprises where uscc = ${a.uscc}`)
    expect(found.rows).toHaveLength(0)
  })

  it('records create, update and retire with who, when, before and after', async () => {
    const created = (
      await yanta.post<EnterpriseDetail>('/api/enterprises', newEnterprise(places.yanta))
    ).body
    await yanta.patch(`/api/enterprises/${created.id}`, { version: 1, address: '新地址' })
    await yanta.post(`/api/enterprises/${created.id}/retire`, { version: 2, reason: '测试' })
    const history = await yanta.get<AuditEntry[]>(`/api/audit?entity=enterprise&id=${created.id}`)
    expect(history.status).toBe(200)
    expect(history.body.map((h) => h.action)).toEqual(['retire', 'update', 'create'])
    expect(
      history.body.every((h) => h.username === 'yanta' && /^\d{4}-\d\d-\d\dT/.test(h.at)),
    ).toBe(true)
    const update = history.body[1]!
    expect((update.before as { address: string }).address).toBe('测试地址')
    expect((update.after as { address: string }).address).toBe('新地址')
    // The 榆林 officer does not see the 雁塔 record's history.
    const other = await yuyang.get<AuditEntry[]>(`/api/audit?entity=enterprise&id=${created.id}`)
    expect(other.body).toHaveLength(0)
  })
})
