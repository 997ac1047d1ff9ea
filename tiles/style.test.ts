import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LAYER_DOCS } from './src/layers'

const style = JSON.parse(readFileSync(new URL('./style.json', import.meta.url), 'utf8')) as {
  sources: Record<string, { url?: string }>
  glyphs: string
  layers: {
    id: string
    'source-layer'?: string
    layout?: Record<string, unknown>
    paint?: Record<string, unknown>
  }[]
}

/** Every string anywhere in the style, with its JSON path. */
function strings(value: unknown, path = '$'): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`))
  }
  return []
}

describe('basemap style template', () => {
  it('has no absolute URL other than {origin}-relative ones (the map must work offline)', () => {
    for (const [path, s] of strings(style)) {
      expect(s, path).not.toMatch(/https?:\/\//i)
      expect(s, path).not.toMatch(/(^|[^{])\/\/[a-z0-9.-]+\.[a-z]{2,}/i) // protocol-relative hosts
      if (s.includes('://')) expect(s, path).toMatch(/^pmtiles:\/\/\{origin\}\//)
    }
    expect(style.glyphs.startsWith('{origin}/')).toBe(true)
    for (const source of Object.values(style.sources)) {
      expect(source.url ?? '').toMatch(/^pmtiles:\/\/\{origin\}\/tiles\//)
    }
  })

  it('uses only layers the archive has and fonts that are committed', () => {
    const ids = new Set(LAYER_DOCS.map((l) => l.id))
    for (const layer of style.layers) {
      if (layer['source-layer']) expect(ids, layer.id).toContain(layer['source-layer'])
      const fonts = layer.layout?.['text-font']
      if (!Array.isArray(fonts)) continue
      for (const font of fonts) {
        const dir = new URL(`./glyphs/${String(font)}/`, import.meta.url)
        expect(existsSync(new URL('0-255.pbf', dir)), `${String(font)} 0-255`).toBe(true)
        expect(existsSync(new URL('19968-20223.pbf', dir)), `${String(font)} CJK`).toBe(true)
      }
    }
  })

  it('keeps hazard colours (red, orange, yellow, blue) out of fills', () => {
    for (const layer of style.layers) {
      for (const [path, s] of strings(layer.paint ?? {}, layer.id)) {
        const hex = /^#([0-9a-f]{6})$/i.exec(s)?.[1]
        if (!hex) continue
        const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [
          number,
          number,
          number,
        ]
        // Saturation in HSL terms: the basemap stays near-grey.
        const max = Math.max(r, g, b)
        const min = Math.min(r, g, b)
        const l = (max + min) / 2
        const sat = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1))
        expect(sat, `${path} ${s}`).toBeLessThan(0.3)
      }
    }
  })
})
