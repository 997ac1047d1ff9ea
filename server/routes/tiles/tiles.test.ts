import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { tilesRouter } from './index.ts'

let t: TestContext
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  t = await openTestContext()
  app = createApp({ database: t.database, mount: (root) => root.route('/', tilesRouter()) })
})
afterAll(async () => {
  await t?.close()
})

describe('offline basemap', () => {
  it('serves the PMTiles archive with HTTP range requests and cache headers', async () => {
    const res = await app.request('/tiles/basemap.pmtiles', { headers: { range: 'bytes=0-126' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toMatch(/^bytes 0-126\/\d+$/)
    expect(res.headers.get('cache-control')).toContain('max-age')
    expect(res.headers.get('etag')).toBeTruthy()
    const header = new Uint8Array(await res.arrayBuffer())
    expect(header.length).toBe(127)
    // PMTiles v3 magic "PMTiles" + version byte 3.
    expect(new TextDecoder().decode(header.slice(0, 7))).toBe('PMTiles')
    expect(header[7]).toBe(3)
  })

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.request('/tiles/basemap.pmtiles', { headers: { range: 'bytes=0-15' } })
    const etag = first.headers.get('etag')!
    const again = await app.request('/tiles/basemap.pmtiles', {
      headers: { 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
  })

  it('serves the style with the request origin and no other host', async () => {
    const res = await app.request('http://127.0.0.1:9999/tiles/style.json')
    expect(res.status).toBe(200)
    const style = (await res.json()) as { sources: Record<string, { url: string }>; glyphs: string }
    const urls = [...Object.values(style.sources).map((src) => src.url), style.glyphs]
    expect(urls.every((u) => !u.includes('{origin}'))).toBe(true)
    // Every URL anywhere in the style (metadata included) names this host and no other.
    const hosts = [...JSON.stringify(style).matchAll(/https?:\/\/([a-z0-9.:[\]-]+)/gi)].map(
      (m) => m[1],
    )
    expect(hosts.length).toBeGreaterThanOrEqual(2)
    expect(new Set(hosts)).toEqual(new Set(['127.0.0.1:9999']))
  })

  it('serves CJK glyph ranges for the style font, cached for a week', async () => {
    const style = JSON.parse(
      await (await app.request('http://localhost/tiles/style.json')).text(),
    ) as {
      layers: { layout?: { 'text-font'?: string[] } }[]
    }
    const font = style.layers.find((l) => l.layout?.['text-font'])?.layout?.['text-font']?.[0]
    expect(font).toBeTruthy()
    // 西 is U+897F: range 35072-35327.
    const res = await app.request(`/tiles/glyphs/${encodeURIComponent(font!)}/35072-35327.pbf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('max-age=604800')
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000)
  })
})
