import type { LayerSpecification, StyleSpecification } from 'maplibre-gl'

export const defaultTextFont = ['Noto Sans CJK SC Regular']

export interface BaseStyle {
  style: StyleSpecification
  fallback: boolean
}

const isStyle = (value: unknown): value is StyleSpecification =>
  typeof value === 'object' &&
  value !== null &&
  (value as { version?: unknown }).version === 8 &&
  Array.isArray((value as { layers?: unknown }).layers)

/**
 * A background-only style for when the offline basemap is missing (it is built by
 * `npm run tiles`). The overlays still draw and label: Chinese names are rendered with
 * local fonts (`localIdeographFontFamily`), so missing glyph files cost only Latin text.
 */
export function fallbackStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'jinan-fallback',
    glyphs: `${origin}/tiles/glyphs/{fontstack}/{range}.pbf`,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1ef' } }],
  }
}

/**
 * The server writes absolute URLs for the origin it was reached on; behind a proxy (the
 * Vite dev server) that is not the page's. Tiles and glyphs are always this app's own, so
 * they are re-based on the page origin.
 */
export function rebaseTileUrls(style: StyleSpecification, origin: string): StyleSpecification {
  const rebase = (url: string) =>
    url.replace(
      /^(pmtiles:\/\/)?https?:\/\/[^/]+(?=\/tiles\/)/,
      (_, scheme?: string) => `${scheme ?? ''}${origin}`,
    )
  const sources = Object.fromEntries(
    Object.entries(style.sources).map(([id, source]) => {
      const withUrl = source as { url?: unknown; tiles?: unknown }
      const next: Record<string, unknown> = { ...source }
      if (typeof withUrl.url === 'string') next.url = rebase(withUrl.url)
      if (Array.isArray(withUrl.tiles))
        next.tiles = withUrl.tiles.map((t) => (typeof t === 'string' ? rebase(t) : t))
      return [id, next]
    }),
  ) as StyleSpecification['sources']
  return { ...style, sources, ...(style.glyphs ? { glyphs: rebase(style.glyphs) } : {}) }
}

/** The offline basemap style, or the fallback when it cannot be fetched or is not a style. */
export async function loadBaseStyle(origin = window.location.origin): Promise<BaseStyle> {
  try {
    const response = await fetch('/tiles/style.json', {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    })
    if (response.ok) {
      const style: unknown = await response.json()
      if (isStyle(style)) return { style: rebaseTileUrls(style, origin), fallback: false }
    }
    console.warn(`[map] basemap style unavailable (HTTP ${response.status}); using the plain style`)
  } catch (error) {
    console.warn('[map] basemap style unavailable; using the plain style', error)
  }
  return { style: fallbackStyle(origin), fallback: true }
}

const isFontStack = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')

/** The first literal `text-font` of the style's symbol layers: the fonts its glyph server has. */
export function styleTextFont(layers: readonly LayerSpecification[]): string[] {
  for (const layer of layers) {
    if (layer.type !== 'symbol') continue
    const font: unknown = layer.layout?.['text-font']
    if (isFontStack(font)) return font
  }
  return defaultTextFont
}

export function firstSymbolLayerId(layers: readonly LayerSpecification[]): string | undefined {
  return layers.find((layer) => layer.type === 'symbol')?.id
}
