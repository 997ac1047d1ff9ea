import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { destination, distance, point } from '@turf/turf'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { NearbyResult } from './nearby.schemas.ts'

interface Problem {
  title: string
  errors?: { field: string; message: string }[]
}

interface Seeded {
  id: string
  lng: number
  lat: number
}

let t: TestContext
let yanta: ApiClient // county officer in 西安 雁塔区 (610113)
let shaanxi: ApiClient // province
let yantaSource: Seeded
let yuyangSource: Seeded

const firstSource = async (prefix: string): Promise<Seeded> => {
  const rows = await t.database.db.execute(sql`select id::text as id, ST_X(location) as lng,
    ST_Y(location) as lat from hazard_sources
    where region_code like ${prefix + '%'} and retired_at is null order by id limit 1`)
  const row = rows.rows[0] as { id: string; lng: number; lat: number } | undefined
  if (!row) throw new Error(`no hazard source under ${prefix}`)
  return { id: row.id, lng: Number(row.lng), lat: Number(row.lat) }
}

beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, shaanxi] = await signInMany(t, 'yanta', 'shaanxi')
  yantaSource = await firstSource('610113')
  yuyangSource = await firstSource('610802')
})
afterAll(async () => {
  await t?.close()
})

const near = (client: ApiClient, lng: number, lat: number, radiusKm: number) =>
  client.get<NearbyResult>(`/api/nearby?lng=${lng}&lat=${lat}&radiusKm=${radiusKm}`)

/** Turf measures on a sphere; the server on the WGS84 spheroid. They agree within 0.5 %. */
const SPHERE_VS_SPHEROID = 0.005

describe('GET /api/nearby', () => {
  it('lists records nearest first, each distance matching an independent measurement', async () => {
    const { lng, lat } = yantaSource
    const res = await near(shaanxi, lng + 0.01, lat + 0.01, 8)
    expect(res.status).toBe(200)
    const items = res.body.items
    expect(items.length).toBeGreaterThan(2)
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['hazard_source', 'resource']))
    for (let i = 1; i < items.length; i++) {
      expect(items[i]!.distanceM).toBeGreaterThanOrEqual(items[i - 1]!.distanceM)
    }
    for (const item of items) {
      const km = distance(point([lng + 0.01, lat + 0.01]), point(item.location), {
        units: 'kilometers',
      })
      expect(km).toBeLessThanOrEqual(8 * (1 + SPHERE_VS_SPHEROID))
      expect(Math.abs(item.distanceM - km * 1000)).toBeLessThanOrEqual(
        km * 1000 * SPHERE_VS_SPHEROID + 1,
      )
    }
  })

  it('includes a record just inside the radius and leaves it out just outside', async () => {
    // Centres 5 km from the source (turf) in several directions; the edge is tried at ±2 %.
    for (const bearing of [0, 90, 225]) {
      const center = destination(point([yantaSource.lng, yantaSource.lat]), 5, bearing, {
        units: 'kilometers',
      }).geometry.coordinates as [number, number]
      const ids = async (radiusKm: number) =>
        (await near(shaanxi, center[0], center[1], radiusKm)).body.items.map((i) => i.id)
      expect(await ids(5.1), `bearing ${bearing}`).toContain(yantaSource.id)
      expect(await ids(4.9), `bearing ${bearing}`).not.toContain(yantaSource.id)
    }
  })

  it('keeps a 雁塔区 officer to their jurisdiction (no 榆阳区 records)', async () => {
    const { lng, lat } = yuyangSource
    const province = await near(shaanxi, lng, lat, 2)
    expect(province.body.items.map((i) => i.id)).toContain(yuyangSource.id)
    const county = await near(yanta, lng, lat, 2)
    expect(county.status).toBe(200)
    expect(county.body.items).toEqual([])
    const own = await near(yanta, yantaSource.lng, yantaSource.lat, 1)
    expect(own.body.items.map((i) => i.id)).toContain(yantaSource.id)
    expect(own.body.items.every((i) => i.regionCode.startsWith('610113'))).toBe(true)
  })

  it('answers 400 naming the field for bad coordinates or radius', async () => {
    const cases: [string, string][] = [
      ['lng=200&lat=34&radiusKm=5', 'lng'],
      ['lng=108&lat=-91&radiusKm=5', 'lat'],
      ['lng=abc&lat=34&radiusKm=5', 'lng'],
      ['lng=108&lat=34&radiusKm=0', 'radiusKm'],
      ['lng=108&lat=34&radiusKm=101', 'radiusKm'],
      ['lng=108&lat=34', 'radiusKm'],
    ]
    for (const [query, field] of cases) {
      const res = await shaanxi.get<Problem>(`/api/nearby?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.errors?.map((e) => e.field)).toContain(field)
    }
  })

  it('is described in the OpenAPI document', async () => {
    const res = await t.app.request('/api/openapi.json')
    const doc = (await res.json()) as { paths: Record<string, unknown> }
    expect(doc.paths['/api/nearby']).toBeDefined()
  })
})
