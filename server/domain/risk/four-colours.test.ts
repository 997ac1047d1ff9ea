import { describe, expect, it } from 'vitest'
import { fourColourPalette, fourColours } from './four-colours'

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

describe('four-colour palette', () => {
  it('has red, orange, yellow, blue with their Chinese names', () => {
    expect(fourColours.map((c) => [c, fourColourPalette[c].nameZh])).toEqual([
      ['red', '红色'],
      ['orange', '橙色'],
      ['yellow', '黄色'],
      ['blue', '蓝色'],
    ])
  })

  it('hex values are #RRGGBB and distinct', () => {
    const hexes = fourColours.map((c) => fourColourPalette[c].hex)
    for (const h of hexes) expect(h).toMatch(/^#[0-9A-F]{6}$/)
    expect(new Set(hexes).size).toBe(4)
  })

  it.each(fourColours)('%s: label text has ≥ 4.5:1 contrast on the fill (WCAG AA)', (c) => {
    const s = fourColourPalette[c]
    expect(contrast(s.textHex, s.hex)).toBeGreaterThanOrEqual(4.5)
  })

  it.each(fourColours)('%s: outline has ≥ 3:1 contrast on a light basemap (#F2EFE9)', (c) => {
    expect(contrast(fourColourPalette[c].strokeHex, '#F2EFE9')).toBeGreaterThanOrEqual(3)
  })
})
