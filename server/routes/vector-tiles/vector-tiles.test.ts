import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { PbfReader } from 'pbf'
import { VectorTile } from '@mapbox/vector-tile'
import { demoAccounts } from '../../../data/accounts/demo-accounts.ts'
import { places } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { tileLngLatBounds, type TileAddress } from './tile-math.ts'

let t: TestContext
const cookies: Record<string, string> = {}

beforeAll(async () => {
  t = await openTestContext()
  for (const username of ['shaanxi', 'yanta', 'yuyang']) {
    const account = demoAccounts.find((a) => a.username === username)!
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: account.password }),
    })
    cookies[username] = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  }
})
afterAll(async () => {
  await t?.close()
})

/** The tile holding a WGS84 point at zoom z. */
function tileAt([lng, lat]: [number, number], z: number): TileAddress {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  }
}

interface DecodedFeature {
  properties: Record<string, string | number | boolean>
  x: number
  y: number
}

async function getTile(as: string | null, layer: string, tile: TileAddress, query = '') {
  const res = await t.app.request(
    `/tiles/registry/${layer}/${tile.z}/${tile.x}/${tile.y}.pbf${query}`,
    { headers: as ? { cookie: cookies[as]! } : {} },
  )
  const bytes = new Uint8Array(await res.arrayBuffer())
  let features: DecodedFeature[] = []
  if (res.status === 200) {
    const vt = new VectorTile(new PbfReader(bytes))
    const l = vt.layers[layer]
    expect(l, `layer ${layer} in the tile`).toBeDefined()
    expect(l!.extent).toBe(4096)
    features = Array.from({ length: l!.length }, (_, i) => {
      const f = l!.feature(i)
      const [point] = f.loadGeometry()[0]!
      return { properties: f.properties as DecodedFeature['properties'], x: point!.x, y: point!.y }
    })
  }
  return { status: res.status, type: res.headers.get('content-type'), bytes, features }
}

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const r = await t.database.db.execute(query)
  return Number((r.rows[0] as { n: number }).n)
}

describe('GET /tiles/registry/{layer}/{z}/{x}/{y}.pbf', () => {
  it('draws each hazard source in a city tile with the list endpoint’s properties', async () => {
    const tile = tileAt(places.yanta, 11)
    const res = await getTile('shaanxi', 'hazard-sources', tile)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/vnd.mapbox-vector-tile')
    expect(res.features.length).toBeGreaterThan(0)
    // The same records as the list over the tile's square and its 64-unit buffer.
    const bbox = tileLngLatBounds(tile, 64 / 4096).join(',')
    const list = await t.app.request(`/api/hazard-sources?bbox=${bbox}`, {
      headers: { cookie: cookies.shaanxi! },
    })
    const fc = (await list.json()) as {
      features: { id: string; properties: { name: string; grade: string | null; r: number } }[]
    }
    const byId = new Map(fc.features.map((f) => [f.id, f.properties]))
    expect(res.features.map((f) => f.properties.id).sort()).toEqual([...byId.keys()].sort())
    for (const f of res.features) {
      const listed = byId.get(f.properties.id as string)!
      expect(f.properties.name).toBe(listed.name)
      expect(f.properties.grade).toBe(listed.grade ?? undefined)
      expect(f.properties.r).toBeCloseTo(listed.r, 6)
      expect(f.properties.cluster).toBeUndefined()
      expect(f.x).toBeGreaterThanOrEqual(-64)
      expect(f.x).toBeLessThanOrEqual(4096 + 64)
    }
  })

  it('clusters at province zoom: counts add up to every source in scope, worst grade kept', async () => {
    // Shaanxi (31.7–39.6°N, 105.5–111.3°E) lies in these zoom-5 tiles.
    const tiles = [
      { z: 5, x: 25, y: 12 },
      { z: 5, x: 25, y: 13 },
    ]
    let total = 0
    let sawOne = false
    for (const tile of tiles) {
      const res = await getTile('shaanxi', 'hazard-sources', tile)
      if (res.status === 204) continue
      for (const f of res.features) {
        expect(f.properties.cluster).toBe(true)
        const count = f.properties.point_count as number
        total += count
        expect(f.properties.worst).toBeGreaterThanOrEqual(1)
        expect(f.properties.worst).toBeLessThanOrEqual(5)
        if (count === 1) {
          sawOne = true
          expect(typeof f.properties.id).toBe('string')
        } else expect(f.properties.id).toBeUndefined()
      }
    }
    const expected = await scalar(
      sql`select count(*)::int as n from hazard_sources where retired_at is null and region_code like '61%'`,
    )
    expect(expected).toBeGreaterThan(0)
    expect(total).toBe(expected)
    expect(sawOne || total > 0).toBe(true)
    // The worst grade of a tile's clusters is the worst grade in the province.
    const worstInDb = await scalar(sql`select min(case grade when '一级' then 1 when '二级' then 2
      when '三级' then 3 when '四级' then 4 else 5 end)::int as n from hazard_sources
      where retired_at is null and region_code like '61%'`)
    const worstInTiles = Math.min(
      ...(await Promise.all(tiles.map((tile) => getTile('shaanxi', 'hazard-sources', tile))))
        .flatMap((r) => r.features)
        .map((f) => f.properties.worst as number),
    )
    expect(worstInTiles).toBe(worstInDb)
  })

  it('cuts every layer to the session’s jurisdiction', async () => {
    for (const layer of ['hazard-sources', 'resources', 'hidden-dangers', 'enterprises']) {
      // A 雁塔区 officer sees 雁塔区 records only, and nothing of 榆阳区.
      const province = await getTile('yanta', layer, { z: 5, x: 25, y: 12 })
      const city = await getTile('yanta', layer, tileAt(places.yanta, 10))
      for (const f of city.features) expect(f.properties.regionCode).toMatch(/^610113/)
      const yuyangTile = tileAt(places.yuyang, 10)
      const theirs = await getTile('yuyang', layer, yuyangTile)
      const mine = await getTile('yanta', layer, yuyangTile)
      expect(mine.status, `${layer}: 雁塔区 officer in 榆阳区`).toBe(204)
      if (theirs.status === 200) {
        for (const f of theirs.features) expect(f.properties.regionCode).toMatch(/^610802/)
      }
      const inYanta = await scalar(
        sql`select count(*)::int as n from ${sql.identifier(
          layer.replace('-', '_'),
        )} where retired_at is null and region_code like '610113%'`,
      )
      const clustered = province.features.reduce(
        (n, f) => n + (f.properties.point_count as number),
        0,
      )
      expect(clustered, `${layer}: 雁塔区 count at province zoom`).toBe(inYanta)
    }
  })

  it('applies the list filters', async () => {
    const tile = { z: 5, x: 25, y: 12 }
    const res = await getTile('shaanxi', 'hazard-sources', tile, '?grade=一级')
    const [w, s, e, n] = tileLngLatBounds(tile)
    const expected = await scalar(sql`select count(*)::int as n from hazard_sources
      where retired_at is null and region_code like '61%' and grade = '一级'
      and location && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`)
    const total = res.features.reduce((n, f) => n + (f.properties.point_count as number), 0)
    expect(total).toBe(expected)
    for (const f of res.features) expect(f.properties.worst).toBe(1)
    const city = await getTile(
      'shaanxi',
      'resources',
      tileAt(places.yanta, 11),
      '?status=available',
    )
    expect(city.features.length).toBeGreaterThan(0)
    for (const f of city.features) expect(f.properties.status).toBe('available')
  })

  it('answers an empty tile with 204 and the MVT content type', async () => {
    const res = await getTile('shaanxi', 'hazard-sources', tileAt(places.sea, 12))
    expect(res.status).toBe(204)
    expect(res.type).toBe('application/vnd.mapbox-vector-tile')
    expect(res.bytes.length).toBe(0)
  })

  it('refuses bad addresses and filters with 400 problem+json naming the field', async () => {
    const cases: [string, string][] = [
      ['/tiles/registry/hazard-sources/23/0/0.pbf', 'z'],
      ['/tiles/registry/hazard-sources/3/8/0.pbf', 'x'],
      ['/tiles/registry/hazard-sources/3/0/8.pbf', 'y'],
      ['/tiles/registry/hazard-sources/a/0/0.pbf', 'z'],
      ['/tiles/registry/hazard-sources/3/0/1.png', 'y'],
      ['/tiles/registry/hazard-sources/3/0/1.pbf?grade=五级', 'grade'],
    ]
    for (const [path, field] of cases) {
      const res = await t.app.request(path, { headers: { cookie: cookies.shaanxi! } })
      expect(res.status, path).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      const body = (await res.json()) as { errors: { field: string }[] }
      expect(body.errors.map((e) => e.field)).toContain(field)
    }
  })

  it('is in the OpenAPI document with the list filters as query parameters', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>
    }
    for (const layer of ['hazard-sources', 'resources', 'hidden-dangers', 'enterprises']) {
      const params = doc.paths[`/tiles/registry/${layer}/{z}/{x}/{y}`]?.get?.parameters ?? []
      expect(params.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['z', 'x', 'y'])
      expect(params.map((p) => p.name)).toContain('region')
      expect(params.map((p) => p.name)).not.toContain('bbox')
    }
  })

  it('needs a session', async () => {
    const res = await getTile(null, 'hazard-sources', { z: 5, x: 25, y: 12 })
    expect(res.status).toBe(401)
  })
})
