import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signIn, type ApiClient } from '../../test/client.ts'
import { places, uniqueName } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { AuditEntry } from '../audit/index.ts'
import type { ResourceDetail } from './resources.schemas.ts'

interface Problem {
  title: string
  errors?: { field: string; message: string }[]
  current?: ResourceDetail
}
interface FC {
  features: { id: string; properties: Record<string, unknown> }[]
}

let t: TestContext
let yanta: ApiClient // county officer in 西安
let yuyang: ApiClient // county officer in 榆林
let shaanxi: ApiClient // province
let viewer: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, shaanxi, viewer] = await Promise.all([
    signIn(t, 'yanta'),
    signIn(t, 'yuyang'),
    signIn(t, 'shaanxi'),
    signIn(t, 'viewer'),
  ])
})
afterAll(async () => {
  await t?.close()
})

const tag = () => uniqueName('T')
const team = (over: Record<string, unknown> = {}) => ({
  kind: 'team',
  name: '雁塔危化品救援队-' + tag(),
  category: '危化品救援队',
  capabilities: ['堵漏', '洗消', '侦检'],
  headcount: 32,
  contactName: '张队长',
  contactPhone: '029-88886666',
  location: places.yanta,
  ...over,
})
const create = (as: ApiClient, body: Record<string, unknown>) =>
  as.post<ResourceDetail>('/api/resources', body)
const list = (as: ApiClient, query: string) => as.get<FC>(`/api/resources?${query}`)

describe('resources: create, read, list', () => {
  it('creates a team in the officer’s county and reads it back', async () => {
    const res = await create(yanta, team())
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      kind: 'team',
      category: '危化品救援队',
      capabilities: ['堵漏', '洗消', '侦检'],
      inventory: [],
      capacity: null,
      headcount: 32,
      status: 'available',
      regionCode: '610113',
      version: 1,
      canEdit: true,
    })
    const got = await yanta.get<ResourceDetail>(`/api/resources/${res.body.id}`)
    expect(got.status).toBe(200)
    expect(got.body).toEqual(res.body)
  })

  it('a warehouse keeps its inventory; a shelter its capacity', async () => {
    const inventory = [
      { item: '防化服', quantity: 40, unit: '套' },
      { item: '吸附棉', quantity: 0.5, unit: '吨' },
      { item: '空气呼吸器', quantity: 0, unit: '具' },
    ]
    const wh = await create(yanta, {
      kind: 'warehouse',
      name: '雁塔综合物资库-' + tag(),
      category: '综合物资库',
      inventory,
      location: places.yanta,
    })
    expect(wh.status).toBe(201)
    expect(wh.body.inventory).toEqual(inventory)
    const shelter = await create(yanta, {
      kind: 'shelter',
      name: '大雁塔广场避难场所-' + tag(),
      category: '应急避难场所',
      capacity: 0,
      location: places.yanta,
    })
    expect(shelter.status).toBe(201)
    expect(shelter.body.capacity).toBe(0)
  })

  it('lists as GeoJSON with filters on kind (comma list), status, category and text', async () => {
    const a = (await create(yanta, team())).body
    const b = (await create(yanta, team({ kind: 'medical', category: '医疗救护队' }))).body
    const c = (await create(yanta, team({ status: 'dispatched' }))).body
    const fc = await list(yanta, `q=${encodeURIComponent(a.name)}`)
    expect(fc.headers.get('content-type')).toContain('application/geo+json')
    expect(fc.body.features).toEqual([
      {
        type: 'Feature',
        id: a.id,
        geometry: { type: 'Point', coordinates: places.yanta },
        properties: {
          name: a.name,
          kind: 'team',
          category: '危化品救援队',
          status: 'available',
          capacity: null,
          regionCode: '610113',
          retired: false,
        },
      },
    ])
    const ids = async (q: string) => (await list(yanta, q)).body.features.map((f) => f.id)
    expect(await ids('kind=team,medical')).toEqual(expect.arrayContaining([a.id, b.id, c.id]))
    expect(await ids('kind=medical')).toContain(b.id)
    expect(await ids('kind=medical')).not.toContain(a.id)
    expect(await ids('status=dispatched')).toContain(c.id)
    expect(await ids('status=dispatched')).not.toContain(a.id)
    expect(await ids(`category=${encodeURIComponent('医疗救护队')}`)).toContain(b.id)
    expect(await ids(`category=${encodeURIComponent('医疗救护队')}`)).not.toContain(a.id)
    const bad = await yanta.get<Problem>('/api/resources?kind=team,boat')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body.errors)).toContain('kind')
  })
})

describe('resources: validation', () => {
  it.each([
    ['an unknown kind', { kind: 'boat' }, 'kind'],
    [
      'a negative inventory quantity',
      { kind: 'warehouse', inventory: [{ item: '沙袋', quantity: -1, unit: '袋' }] },
      'inventory.0.quantity',
    ],
    ['a fractional capacity', { capacity: 1.5 }, 'capacity'],
    ['a negative headcount', { headcount: -3 }, 'headcount'],
    ['an unknown status', { status: 'lost' }, 'status'],
    ['a missing category', { category: '' }, 'category'],
  ])('400 for %s naming %s', async (_, override, field) => {
    const res = await yanta.post<Problem>('/api/resources', team(override))
    expect(res.status).toBe(400)
    expect(res.body.errors?.map((e) => e.field)).toContain(field)
  })

  it('422 naming inventory for an inventory on a team', async () => {
    const res = await yanta.post<Problem>(
      '/api/resources',
      team({ inventory: [{ item: '防化服', quantity: 4, unit: '套' }] }),
    )
    expect(res.status).toBe(422)
    expect(res.body.errors?.map((e) => e.field)).toEqual(['inventory'])
  })

  it('422 naming capacity for a shelter without one', async () => {
    const res = await yanta.post<Problem>('/api/resources', team({ kind: 'shelter' }))
    expect(res.status).toBe(422)
    expect(res.body.errors?.map((e) => e.field)).toEqual(['capacity'])
  })

  it('the same rules hold for the record after a PATCH', async () => {
    const wh = (
      await create(yanta, {
        kind: 'warehouse',
        name: '库-' + tag(),
        category: '综合物资库',
        inventory: [{ item: '帐篷', quantity: 100, unit: '顶' }],
        location: places.yanta,
      })
    ).body
    const toTeam = await yanta.patch<Problem>(`/api/resources/${wh.id}`, {
      version: 1,
      kind: 'team',
    })
    expect(toTeam.status).toBe(422)
    expect(toTeam.body.errors?.[0]?.field).toBe('inventory')
    const toShelter = await yanta.patch<ResourceDetail>(`/api/resources/${wh.id}`, {
      version: 1,
      kind: 'shelter',
      inventory: [],
      capacity: 2000,
    })
    expect(toShelter.status).toBe(200)
    const drop = await yanta.patch<Problem>(`/api/resources/${wh.id}`, {
      version: 2,
      capacity: null,
    })
    expect(drop.status).toBe(422)
    expect(drop.body.errors?.[0]?.field).toBe('capacity')
  })

  it('a viewer cannot create (403)', async () => {
    expect((await viewer.post('/api/resources', team())).status).toBe(403)
  })
})

describe('resources: jurisdiction', () => {
  let yulin: ResourceDetail
  beforeAll(async () => {
    const res = await create(
      yuyang,
      team({ name: '榆林矿山救护队-' + tag(), category: '矿山救护队', location: places.yuyang }),
    )
    expect(res.status).toBe(201)
    yulin = res.body
    expect(yulin.regionCode).toBe('610802')
  })

  it('雁塔 cannot read, edit or list the 榆林 team (404, absent)', async () => {
    expect((await yanta.get(`/api/resources/${yulin.id}`)).status).toBe(404)
    expect(
      (await yanta.patch(`/api/resources/${yulin.id}`, { version: 1, headcount: 1 })).status,
    ).toBe(404)
    expect((await list(yanta, `q=${encodeURIComponent(yulin.name)}`)).body.features).toHaveLength(0)
    const mine = await list(
      yanta,
      `category=${encodeURIComponent('矿山救护队')}&includeRetired=true`,
    )
    expect(mine.body.features.map((f) => f.id)).not.toContain(yulin.id)
  })

  it('雁塔 cannot place a resource in 榆林 (403 naming location)', async () => {
    const res = await yanta.post<Problem>('/api/resources', team({ location: places.yuyang }))
    expect(res.status).toBe(403)
    expect(res.body.errors?.[0]?.field).toBe('location')
  })

  it('the province reads and edits it', async () => {
    const read = await shaanxi.get<ResourceDetail>(`/api/resources/${yulin.id}`)
    expect(read.status).toBe(200)
    expect(read.body.canEdit).toBe(true)
    const res = await shaanxi.patch<ResourceDetail>(`/api/resources/${yulin.id}`, {
      version: read.body.version,
      status: 'dispatched',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'dispatched', version: 2 })
    const fc = await list(shaanxi, `q=${encodeURIComponent(yulin.name)}`)
    expect(fc.body.features.map((f) => f.id)).toEqual([yulin.id])
  })
})

describe('resources: concurrency, retire, audit', () => {
  it('409 on a stale version, carrying the current record', async () => {
    const r = (await create(yanta, team())).body
    expect(
      (await yanta.patch(`/api/resources/${r.id}`, { version: 1, headcount: 40 })).status,
    ).toBe(200)
    const stale = await yanta.patch<Problem>(`/api/resources/${r.id}`, {
      version: 1,
      headcount: 10,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current).toMatchObject({ id: r.id, version: 2, headcount: 40 })
  })

  it('audits create, update and retire; retire keeps the row and hides it from lists', async () => {
    const r = (await create(yanta, team())).body
    await yanta.patch(`/api/resources/${r.id}`, { version: 1, status: 'out_of_service' })
    const retired = await yanta.post<ResourceDetail>(`/api/resources/${r.id}/retire`, {
      version: 2,
      reason: '队伍撤编',
    })
    expect(retired.status).toBe(200)
    expect(retired.body).toMatchObject({ retiredReason: '队伍撤编', canEdit: false, version: 3 })
    const history = await yanta.get<AuditEntry[]>(`/api/audit?entity=resource&id=${r.id}`)
    expect(history.body.map((h) => h.action)).toEqual(['retire', 'update', 'create'])
    expect((history.body[1]!.before as { status: string }).status).toBe('available')
    expect((history.body[1]!.after as { status: string }).status).toBe('out_of_service')
    const q = `q=${encodeURIComponent(r.name)}`
    expect((await list(yanta, q)).body.features).toHaveLength(0)
    const withRetired = await list(yanta, `${q}&includeRetired=true`)
    expect(withRetired.body.features[0]?.properties.retired).toBe(true)
    const rows = await t.database.db.execute(
      sql`select count(*)::int as n from resources where id = ${r.id}`,
    )
    expect((rows.rows[0] as { n: number }).n).toBe(1)
    expect((await yanta.patch(`/api/resources/${r.id}`, { version: 3, headcount: 1 })).status).toBe(
      409,
    )
  })
})
