import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { RegionCollection, RegionDetail } from './regions.schemas.ts'

let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

const get = (path: string) => t.app.request(path)

describe('GET /api/regions/:code', () => {
  it('returns 西安市 with its parent chain, area on the geography and 13 districts/counties', async () => {
    const res = await get('/api/regions/610100')
    expect(res.status).toBe(200)
    const body = (await res.json()) as RegionDetail
    expect(body.name).toBe('西安市')
    expect(body.level).toBe('city')
    expect(body.parents.map((p) => p.code)).toEqual(['100000', '610000'])
    // Official area of 西安市 is about 10,108 km²; the packaged boundary gives ~10,090.
    expect(body.areaKm2).toBeGreaterThan(9_900)
    expect(body.areaKm2).toBeLessThan(10_300)
    expect(body.childrenCount).toBe(13)
    expect(body.children.map((c) => c.name)).toContain('雁塔区')
  })

  it('converted GCJ-02 → WGS84: the label point of 西安市 lies inside its WGS84 boundary', async () => {
    const body = (await (await get('/api/regions/610100')).json()) as RegionDetail
    const [lng, lat] = body.labelPoint
    expect(lng).toBeGreaterThan(108.9)
    expect(lng).toBeLessThan(109.0)
    expect(lat).toBeGreaterThan(34.2)
    expect(lat).toBeLessThan(34.3)
  })

  it('answers an unknown code with 404 problem+json', async () => {
    const res = await get('/api/regions/999999')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(((await res.json()) as { detail: string }).detail).toContain('999999')
  })

  it('answers a malformed code with 400 naming the field', async () => {
    const res = await get('/api/regions/61x100')
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { field: string }[] }
    expect(body.errors.map((e) => e.field)).toContain('code')
  })
})

describe('GET /api/regions', () => {
  it('lists all 34 provinces of China', async () => {
    const res = await get('/api/regions?level=province')
    expect(res.status).toBe(200)
    const fc = (await res.json()) as RegionCollection
    expect(fc.features).toHaveLength(34)
    expect(fc.features.find((f) => f.id === '610000')?.properties.name).toBe('陕西省')
  })

  it('lists the 10 prefecture cities of 陕西 and its 107 counties', async () => {
    const cities = (await (await get('/api/regions?parent=610000')).json()) as RegionCollection
    expect(cities.features).toHaveLength(10)
    const counties = (await (await get('/api/regions?level=county')).json()) as RegionCollection
    const shaanxi = counties.features.filter((f) => f.properties.code.startsWith('61'))
    expect(shaanxi).toHaveLength(107)
  })

  it('sums the 陕西 county areas to the official ~205,600 km² (within 1 %)', async () => {
    const { sql } = await import('drizzle-orm')
    const r = await t.database.db.execute(
      sql`select sum(ST_Area(boundary::geography)) / 1e6 as km2 from regions
          where level = 'county' and code like '61%'`,
    )
    const km2 = Number((r.rows[0] as { km2: number }).km2)
    expect(Math.abs(km2 - 205_600) / 205_600).toBeLessThan(0.01)
  })

  it('filters by bbox: around 西安 only nearby provinces come back', async () => {
    const fc = (await (
      await get('/api/regions?level=province&bbox=108.5,34.0,109.5,34.6')
    ).json()) as RegionCollection
    expect(fc.features.map((f) => f.id)).toEqual(['610000'])
  })

  it.each([
    ['1,2', 'four numbers'],
    ['110,30,100,40', 'less than max'],
    ['200,30,210,40', 'outside'],
    ['a,b,c,d', 'four numbers'],
  ])('rejects bbox=%s with 400 naming bbox', async (bbox, message) => {
    const res = await get(`/api/regions?bbox=${bbox}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const body = (await res.json()) as { errors: { field: string; message: string }[] }
    expect(body.errors[0]?.field).toBe('bbox')
    expect(body.errors[0]?.message).toContain(message)
  })

  it('simplifies geometry for low zooms: fewer vertices at zoom 4 than at zoom 12', async () => {
    const count = (fc: RegionCollection) =>
      fc.features.reduce(
        (n, f) => n + JSON.stringify(f.geometry.coordinates).split('],[').length,
        0,
      )
    const low = (await (await get('/api/regions?parent=610000&zoom=4')).json()) as RegionCollection
    const high = (await (
      await get('/api/regions?parent=610000&zoom=12')
    ).json()) as RegionCollection
    // The packaged data is already coarse, so the saving is modest at this scale.
    expect(count(low)).toBeLessThan(count(high) * 0.7)
  })
})

describe('GET /api/health', () => {
  it('names the engine, the PostGIS version and the schema version', async () => {
    const res = await get('/api/health')
    const body = (await res.json()) as {
      engine: string
      postgis: string
      schemaVersion: number
      counts: Record<string, number>
    }
    expect(body.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite')
    expect(body.postgis).toMatch(/^3\./)
    expect(body.schemaVersion).toBeGreaterThanOrEqual(2)
    // 1 root, 34 provinces, 333 prefecture cities, 2,863 county-level units.
    expect(body.counts.regions).toBe(3_231)
  })
})

describe('GET /api/openapi.json', () => {
  it('documents the region routes under /api', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/regions', '/api/regions/{code}']),
    )
  })
})
