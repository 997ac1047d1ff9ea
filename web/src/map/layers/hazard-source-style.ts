import type { CircleLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl'
import type { HazardGrade } from '../../../../server/domain/registry/gb18218-tables.ts'
import { hazardGradeStyle } from '../../../../server/domain/risk/risk-level.ts'
import { HIGHLIGHT, highlighted } from './registry-points.ts'

/*
 * How a 重大危险源 looks, shared by both halves of the layer (tiles below city zoom, the
 * GeoJSON list above): the national four colours by grade (一级 red … 四级 blue, from the
 * shared palette), grey below S = 1 (no grade), sized by R, the grade in words beside it.
 */

export const hazardGrades: readonly HazardGrade[] = ['一级', '二级', '三级', '四级']

/** S < 1: not a major hazard source, no grade. Grey, outside the four colours. */
const UNGRADED = { hex: '#98a3a8', strokeHex: '#56636a', textHex: '#ffffff' }
export type GradeStyle = typeof UNGRADED

/** A paint value by the feature's `grade`. */
export const byGrade = (pick: (style: GradeStyle) => string) =>
  [
    'match',
    ['get', 'grade'],
    ...hazardGrades.flatMap((g) => [g, pick(hazardGradeStyle(g))]),
    pick(UNGRADED),
  ] as unknown as string

/** A paint value by a cluster's `worst`: 1 = 一级 … 4 = 四级, 5 = ungraded. */
export const byWorst = (pick: (style: GradeStyle) => string) =>
  [
    'match',
    ['get', 'worst'],
    ...hazardGrades.flatMap((g, i) => [i + 1, pick(hazardGradeStyle(g))]),
    pick(UNGRADED),
  ] as unknown as string

/** One source's circle: coloured by grade, sized by R, outlined when hovered or selected. */
export const hazardPointPaint: CircleLayerSpecification['paint'] = {
  'circle-color': byGrade((s) => s.hex),
  'circle-radius': [
    'interpolate',
    ['linear'],
    ['coalesce', ['get', 'r'], 0],
    0,
    4.5,
    10,
    6,
    50,
    8,
    100,
    10,
    400,
    13,
  ] as unknown as number,
  'circle-stroke-color': [
    'case',
    highlighted,
    HIGHLIGHT,
    byGrade((s) => s.strokeHex),
  ] as unknown as string,
  'circle-stroke-width': ['case', highlighted, 3, 1.2] as unknown as number,
}

/** The grade in words beside each mark: colour is never the only carrier. */
export const gradeLabelStyle = (
  textFont: string[],
): Pick<SymbolLayerSpecification, 'layout' | 'paint'> => ({
  layout: {
    'text-field': ['get', 'grade'],
    'text-font': textFont,
    'text-size': 11,
    'text-anchor': 'left',
    'text-offset': [1.1, 0],
    'text-optional': true,
  },
  paint: {
    'text-color': '#1e2a30',
    'text-halo-color': 'rgba(255, 255, 255, 0.9)',
    'text-halo-width': 1.4,
  },
})
