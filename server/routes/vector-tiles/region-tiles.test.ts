import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { PbfReader } from 'pbf'
import { VectorTile } from '@mapbox/vector-tile'
import { demoAccounts } from '../../../data/accounts/demo-accounts.ts'
import { places } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { windRings } from './mvt-encode.ts'
import { tileBounds, tileLngLatBounds, type TileAddress } from './tile-math.ts'

let t: TestContext
let cookie = ''
beforeAll(async () => {
  t = await openTestContext()
  const account = demoAccounts.find((a) => a.username === 'yanta')!
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  })
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
})
afterAll(async () => {
  await t?.close()
})

const lngToX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z)
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)
}
const tileAt = ([lng, lat]: [number, number], z: number): TileAddress => ({
  z,
  x: lngToX(lng, z),
  y: latToY(lat, z),
})
/** Every tile at zoom z over a lng/lat box. */
function tilesOver([w, s, e, n]: readonly number[], z: number): TileAddress[] {
  const tiles: TileAddress[] = []
  for (let x = lngToX(w!, z); x <= lngToX(e!, z); x++)
    for (let y = latToY(n!, z); y <= latToY(s!, z); y++) tiles.push({ z, x, y })
  return tiles
}

interface Feature {
  properties: Record<string, string | number | boolean>
  rings: { x: number; y: number }[][]
}

async function getTile(tile: TileAddress, headers: Record<string, string> = {}) {
  const res = await t.app.request(`/tiles/regions/${tile.z}/${tile.x}/${tile.y}.pbf`, { headers })
  const bytes = new Uint8Array(await res.arrayBuffer())
  const layers: Record<string, Feature[]> = {}
  if (res.status === 200) {
    const vt = new VectorTile(new PbfReader(bytes))
    for (const [name, layer] of Object.entries(vt.layers)) {
      expect(layer.extent).toBe(4096)
      layers[name] = Array.from({ length: layer.length }, (_, i) => {
        const f = layer.feature(i)
        return {
          properties: f.properties as Feature['properties'],
          rings: f.loadGeometry().map((ring) => ring.map((p) => ({ x: p.x, y: p.y }))),
        }
      })
    }
  }
  return { res, bytes, layers }
}

const vertices = (features: Feature[], code: string) =>
  features
    .filter((f) => f.properties.code === code)
    .reduce((n, f) => n + f.rings.reduce((m, r) => m + r.length, 0), 0)

/** The MVT spec's surveyor's formula, y down: outer rings are positive. */
const signedArea = (ring: { x: number; y: number }[]) =>
  ring.reduce((sum, p, i) => {
    const q = ring[(i + 1) % ring.length]!
    return sum + p.x * q.y - q.x * p.y
  }, 0)

async function codes(query: ReturnType<typeof sql>): Promise<string[]> {
  const r = await t.database.db.execute(query)
  return (r.rows as { code: string }[]).map((row) => row.code).sort()
}

describe('GET /tiles/regions/{z}/{x}/{y}.pbf', () => {
  it('draws the provinces of a national tile, with their names and label points', async () => {
    // Zoom 4, x 12–13, y 5–6 covers most of China; 陕西 lies in tile 4/12/6.
    const { res, layers } = await getTile({ z: 4, x: 12, y: 6 })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
    const shaanxi = layers.provinces?.find((f) => f.properties.code === '610000')
    expect(shaanxi?.properties).toMatchObject({ name: '陕西省', level: 'province' })
    expect(layers['province-labels']?.map((f) => f.properties.name)).toContain('陕西省')
    // Cities and counties are not drawn at a national zoom, so not sent.
    expect(Object.keys(layers).sort()).toEqual(['province-labels', 'provinces'])
  })

  it('simplifies to the tile’s pixel size: fewer vertices than the precomputed ~1 km copy', async () => {
    const { layers } = await getTile({ z: 4, x: 12, y: 6 })
    const r = await t.database.db.execute(
      sql`select ST_NPoints(display_low) as n from regions where code = '610000'`,
    )
    const precomputed = Number((r.rows[0] as { n: number }).n)
    const inTile = vertices(layers.provinces!, '610000')
    expect(inTile).toBeGreaterThan(10)
    expect(inTile).toBeLessThan(precomputed * 0.7)
  })

  it('sends fewer vertices of a county at low zoom than at high zoom, where it is whole', async () => {
    const low = await getTile(tileAt(places.yanta, 7))
    const lowCount = vertices(low.layers.counties!, '610113')
    const bbox = (await (await t.app.request('/api/regions/610113')).json()) as {
      bbox: [number, number, number, number]
    }
    let highCount = 0
    for (const tile of tilesOver(bbox.bbox, 12)) {
      highCount += vertices((await getTile(tile)).layers.counties ?? [], '610113')
    }
    expect(lowCount).toBeGreaterThan(3)
    expect(lowCount).toBeLessThan(highCount * 0.5)
  })

  it('clips polygons to the tile and its 64-unit buffer', async () => {
    // 陕西 spans several zoom-6 tiles: each holds only its own piece of it.
    const tiles = tilesOver([105.5, 31.7, 111.3, 39.6], 6)
    let pieces = 0
    for (const tile of tiles) {
      const { layers } = await getTile(tile)
      for (const f of layers.provinces ?? []) {
        for (const ring of f.rings)
          for (const p of ring) {
            expect(p.x).toBeGreaterThanOrEqual(-64)
            expect(p.x).toBeLessThanOrEqual(4096 + 64)
            expect(p.y).toBeGreaterThanOrEqual(-64)
            expect(p.y).toBeLessThanOrEqual(4096 + 64)
          }
        if (f.properties.code === '610000') pieces += 1
        // MVT tells outer rings by winding: the first ring of a feature is an outer one.
        expect(signedArea(f.rings[0]!), `${f.properties.code} outer ring`).toBeGreaterThan(0)
      }
    }
    expect(pieces).toBeGreaterThan(1)
  })

  it('leaves counties out below zoom 7 and cities below zoom 5', async () => {
    const z6 = await getTile(tileAt(places.yanta, 6))
    expect(z6.layers.cities?.map((f) => f.properties.code)).toContain('610100')
    expect(z6.layers.counties).toBeUndefined()
    expect(z6.layers['county-labels']).toBeUndefined()
    const z4 = await getTile(tileAt(places.yanta, 4))
    expect(z4.layers.cities).toBeUndefined()
  })

  it('holds the counties of its area at zoom 7, whichever province they are in', async () => {
    for (const place of [places.yanta, places.yuyang, places.beijing]) {
      const tile = tileAt(place, 7)
      const { layers } = await getTile(tile)
      const [w, s, e, n] = tileLngLatBounds(tile)
      // Every county whose label point is inside the tile reaches into it, so is drawn.
      const inside = await codes(sql`select code from regions where level = 'county'
        and label_point && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`)
      const [bw, bs, be, bn] = tileLngLatBounds(tile, 64 / 4096)
      const near = await codes(sql`select code from regions where level = 'county'
        and boundary && ST_MakeEnvelope(${bw}, ${bs}, ${be}, ${bn}, 4326)`)
      const drawn = [...new Set((layers.counties ?? []).map((f) => String(f.properties.code)))]
      for (const code of inside) expect(drawn).toContain(code)
      for (const code of drawn) expect(near).toContain(code)
      for (const f of layers.counties ?? []) {
        const parent = String(f.properties.parentCode)
        expect(parent.slice(0, 2)).toBe(String(f.properties.code).slice(0, 2))
      }
    }
    // 陕西's tile has counties whatever else the database holds.
    const xian = await getTile(tileAt(places.yanta, 7))
    expect(xian.layers.counties?.map((f) => f.properties.code)).toContain('610113')
  })

  it('sends each county’s label point once, in the tile that holds it', async () => {
    const tiles = tilesOver([105.5, 31.7, 111.3, 39.6], 7)
    const seen: string[] = []
    for (const tile of tiles) {
      const { layers } = await getTile(tile)
      const b = tileBounds(tile)
      expect(b.xmax).toBeGreaterThan(b.xmin)
      for (const f of layers['county-labels'] ?? []) {
        const [p] = f.rings[0]!
        expect(p!.x).toBeGreaterThanOrEqual(0)
        expect(p!.x).toBeLessThanOrEqual(4096)
        seen.push(String(f.properties.code))
      }
    }
    expect(new Set(seen).size).toBe(seen.length)
    const first = tiles[0]!
    const last = tiles.at(-1)!
    const [w, , , n] = tileLngLatBounds(first)
    const [, s, e] = tileLngLatBounds(last)
    const expected = await codes(sql`select code from regions where level = 'county'
      and ST_X(label_point) >= ${w} and ST_X(label_point) < ${e}
      and ST_Y(label_point) > ${s} and ST_Y(label_point) <= ${n}`)
    expect(seen.sort()).toEqual(expected)
    expect(seen.filter((c) => c.startsWith('61'))).toHaveLength(107)
  })

  it('is public and the same for every session, with an ETag to revalidate by', async () => {
    const tile = tileAt(places.yanta, 8)
    const anonymous = await getTile(tile)
    const signedIn = await getTile(tile, { cookie })
    expect(anonymous.res.status).toBe(200)
    expect(anonymous.res.headers.get('cache-control')).toBe('public, no-cache')
    expect(Buffer.from(signedIn.bytes).equals(Buffer.from(anonymous.bytes))).toBe(true)
    const etag = anonymous.res.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    const again = await t.app.request(`/tiles/regions/${tile.z}/${tile.x}/${tile.y}.pbf`, {
      headers: { 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
  })

  it('answers a tile outside every region with 204, and bad addresses with 400', async () => {
    const sea = await getTile(tileAt(places.sea, 9))
    expect(sea.res.status).toBe(204)
    const bad = await t.app.request('/tiles/regions/3/8/0.pbf')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('x')
  })

  it('is in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(doc.paths)).toContain('/tiles/regions/{z}/{x}/{y}')
  })
})

describe('windRings', () => {
  const square = (x0: number, y0: number, size: number): [number, number][] => [
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
    [x0, y0],
  ]
  const area = (ring: [number, number][]) => signedArea(ring.map(([x, y]) => ({ x, y })))

  it('winds outer rings positive and holes negative, whichever way they came', () => {
    const outer = square(0, 0, 100)
    const hole = square(10, 10, 20)
    for (const polygon of [
      [outer, hole],
      [[...outer].reverse(), [...hole].reverse()],
    ]) {
      const [o, h] = windRings([polygon])
      expect(area(o!)).toBeGreaterThan(0)
      expect(area(h!)).toBeLessThan(0)
    }
  })

  it('drops rings the snap to whole units flattened', () => {
    const flat: [number, number][] = [
      [0, 0],
      [5, 0],
      [9, 0],
      [0, 0],
    ]
    expect(windRings([[flat], [square(0, 0, 3)]])).toHaveLength(1)
  })
})
