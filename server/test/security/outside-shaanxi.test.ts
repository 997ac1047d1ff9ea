import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { outsideShaanxiPlan } from '../../../data/demo/outside-shaanxi.ts'
import { demoUscc } from '../../../data/demo/place.ts'
import { signInMany, type ApiClient } from '../client.ts'
import { openTestContext, type TestContext } from '../test-database.ts'

// #19: scoping holds for a county of another province. The demo agency 广州市天河区 (440106)
// has four seeded records; its officer sees those and nothing of 陕西, and 陕西 sees none of them.
let t: TestContext
let tianhe: ApiClient
let yanta: ApiClient
let national: ApiClient
/** One seeded 陕西 record of each registry, in 雁塔区. */
const shaanxi: Record<string, string> = {}

const registries = ['enterprises', 'hazard-sources', 'hidden-dangers', 'resources'] as const
const table = (r: (typeof registries)[number]) => r.replace('-', '_')
const tianheIds = {
  enterprises: outsideShaanxiPlan.enterprises[0]!.id,
  'hazard-sources': outsideShaanxiPlan.hazardSources[0]!.id,
  'hidden-dangers': outsideShaanxiPlan.hiddenDangers[0]!.id,
  resources: outsideShaanxiPlan.resources[0]!.id,
}
const SITE = { lng: 113.395, lat: 23.135 }

interface FC {
  features: { id: string; properties: { regionCode?: string } }[]
}

beforeAll(async () => {
  t = await openTestContext()
  ;[tianhe, yanta, national] = await signInMany(t, 'tianhe', 'yanta', 'national')
  for (const r of registries) {
    const row = await t.database.db.execute(
      sql`select id from ${sql.identifier(table(r))} where region_code = '610113' order by id limit 1`,
    )
    shaanxi[r] = (row.rows[0] as { id: string }).id
  }
}, 120_000)
afterAll(async () => {
  await t?.close()
})

describe('an agency outside 陕西 (天河区, 440106)', () => {
  it('has its records seeded in 440106, derived from their points', async () => {
    for (const r of registries) {
      const row = await t.database.db.execute(
        sql`select region_code from ${sql.identifier(table(r))} where id = ${tianheIds[r]}`,
      )
      expect(row.rows, r).toEqual([{ region_code: '440106' }])
    }
  })

  it.each(registries)('lists only 440106 %s', async (r) => {
    const res = await tianhe.get<FC>(`/api/${r}`)
    expect(res.status).toBe(200)
    const ids = res.body.features.map((f) => f.id)
    expect(ids).toContain(tianheIds[r])
    expect(ids).not.toContain(shaanxi[r])
    const codes = await t.database.db.execute(
      sql`select distinct region_code from ${sql.identifier(table(r))}
          where id in (select (json_array_elements_text(${JSON.stringify(ids)}::json))::uuid)`,
    )
    expect(codes.rows).toEqual([{ region_code: '440106' }])
  })

  it.each(registries)('answers a 陕西 %s detail with 404, its own with 200', async (r) => {
    expect((await tianhe.get(`/api/${r}/${shaanxi[r]}`)).status).toBe(404)
    expect((await tianhe.get(`/api/${r}/${tianheIds[r]}`)).status).toBe(200)
  })

  it('is refused writes into 陕西: a new enterprise in 雁塔区, an edit of a 陕西 record', async () => {
    const body = (location: [number, number], county: string) => ({
      name: `越界示例企业${county}`,
      uscc: demoUscc(county, 'TH0000009'),
      industry: '危险化学品',
      address: '示例地址',
      location,
      employees: 10,
    })
    // The same body is accepted at home, so the refusal below is about the place alone.
    expect(
      (await tianhe.post('/api/enterprises', body([SITE.lng, SITE.lat], '440106'))).status,
    ).toBe(201)
    const created = await tianhe.post<{ errors: { code: string }[] }>(
      '/api/enterprises',
      body([108.94, 34.22], '610113'),
    )
    expect(created.status).toBe(403)
    expect(created.body.errors.map((e) => e.code)).toContain('not_in_jurisdiction')
    const before = await t.database.db.execute(
      sql`select version from hazard_sources where id = ${shaanxi['hazard-sources']!}`,
    )
    const version = (before.rows[0] as { version: number }).version
    const edit = await tianhe.patch(`/api/hazard-sources/${shaanxi['hazard-sources']}`, {
      version,
      name: 'x',
    })
    expect(edit.status).toBe(404)
    const after = await t.database.db.execute(
      sql`select version from hazard_sources where id = ${shaanxi['hazard-sources']!}`,
    )
    expect((after.rows[0] as { version: number }).version).toBe(version)
  })

  it('finds only its own records nearby and in search', async () => {
    const near = await tianhe.get<{ items: { id: string }[] }>(
      `/api/nearby?lng=${SITE.lng}&lat=${SITE.lat}&radiusKm=5`,
    )
    expect(near.status).toBe(200)
    expect(near.body.items.map((i) => i.id).sort()).toEqual(
      [tianheIds['hazard-sources'], tianheIds.resources].sort(),
    )
    const found = await tianhe.get(`/api/search?q=${encodeURIComponent('示例')}`)
    expect(found.status).toBe(200)
    const text = JSON.stringify(found.body)
    for (const r of registries) expect(text).not.toContain(shaanxi[r])
    const foreign = await tianhe.get(`/api/search?q=${encodeURIComponent('雁塔')}`)
    for (const r of registries) expect(JSON.stringify(foreign.body)).not.toContain(shaanxi[r])
  })
})

describe('the other way round', () => {
  it.each(registries)('yanta neither lists nor opens 天河 %s', async (r) => {
    const list = await yanta.get<FC>(`/api/${r}`)
    expect(list.status).toBe(200)
    expect(list.body.features.map((f) => f.id)).not.toContain(tianheIds[r])
    expect((await yanta.get(`/api/${r}/${tianheIds[r]}`)).status).toBe(404)
  })

  it('yanta finds nothing near the 天河 site', async () => {
    const near = await yanta.get<{ items: { id: string }[] }>(
      `/api/nearby?lng=${SITE.lng}&lat=${SITE.lat}&radiusKm=5`,
    )
    expect(near.status).toBe(200)
    expect(near.body.items).toEqual([])
  })

  it.each(registries)('the national account opens both the 天河 and the 雁塔 %s', async (r) => {
    expect((await national.get(`/api/${r}/${tianheIds[r]}`)).status).toBe(200)
    expect((await national.get(`/api/${r}/${shaanxi[r]}`)).status).toBe(200)
  })
})
