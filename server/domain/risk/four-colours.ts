/**
 * The national four colours (红 橙 黄 蓝) used for major hazard grades, safety risk levels and
 * warning levels, with the exact hex values the map and panels draw. One palette, imported by
 * `risk-level.ts`, `warning-level.ts` and the web client, so a colour is defined once.
 *
 * Why these values (not pure #FF0000 / #FFFF00 …):
 * - Saturated enough to read from 5 m on the command hall's dark wall screens, without the
 *   glare of the pure primaries.
 * - Yellow is pulled toward gold and orange toward amber so yellow, orange and red stay apart
 *   at small marker sizes. Red/orange/yellow remain hard to tell apart for red-green colour
 *   blindness — the colours are fixed by regulation — so the UI must show the level text
 *   (一级 / 重大风险) next to every coloured mark, never colour alone.
 * - `textHex` is the label colour on a fill of that colour (≥ 4.5:1 contrast, WCAG AA);
 *   `strokeHex` is a darker outline so yellow and orange fills stay visible on the light basemap.
 */
export const fourColours = ['red', 'orange', 'yellow', 'blue'] as const
export type FourColour = (typeof fourColours)[number]

export interface FourColourStyle {
  readonly colour: FourColour
  /** Chinese colour name as regulations write it. */
  readonly nameZh: '红色' | '橙色' | '黄色' | '蓝色'
  /** Fill colour. */
  readonly hex: string
  /** Text drawn on top of `hex`. */
  readonly textHex: string
  /** Outline around `hex` fills and markers. */
  readonly strokeHex: string
}

export const fourColourPalette: Readonly<Record<FourColour, FourColourStyle>> = {
  red: { colour: 'red', nameZh: '红色', hex: '#D92D20', textHex: '#FFFFFF', strokeHex: '#7A1A12' },
  orange: {
    colour: 'orange',
    nameZh: '橙色',
    hex: '#F47A0B',
    textHex: '#1A1A1A',
    strokeHex: '#8A4300',
  },
  yellow: {
    colour: 'yellow',
    nameZh: '黄色',
    hex: '#F5C518',
    textHex: '#1A1A1A',
    strokeHex: '#7A5F00',
  },
  blue: {
    colour: 'blue',
    nameZh: '蓝色',
    hex: '#1D64D8',
    textHex: '#FFFFFF',
    strokeHex: '#0F3A80',
  },
}
