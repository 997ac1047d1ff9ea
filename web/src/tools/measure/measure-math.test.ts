import { describe, expect, it } from 'vitest'
import {
  formatArea,
  formatDistance,
  lineLengthMetres,
  polygonAreaSquareMetres,
} from './measure-math.ts'

describe('measure math', () => {
  it('measures one degree of latitude as about 111.2 km (spherical, R = 6371.0088 km)', () => {
    const m = lineLengthMetres([
      [108.9, 34],
      [108.9, 35],
    ])
    expect(m).toBeCloseTo((Math.PI / 180) * 6371008.8, 0)
  })

  it('adds the legs of a polyline', () => {
    const a = lineLengthMetres([
      [108.9, 34.2],
      [109.0, 34.2],
    ])
    const b = lineLengthMetres([
      [109.0, 34.2],
      [109.0, 34.3],
    ])
    expect(
      lineLengthMetres([
        [108.9, 34.2],
        [109.0, 34.2],
        [109.0, 34.3],
      ]),
    ).toBeCloseTo(a + b, 6)
    expect(lineLengthMetres([[108.9, 34.2]])).toBe(0)
  })

  it('measures a small square near the equator as side²', () => {
    const side = 0.01 // degrees; near the equator both sides are ≈ 1112 m
    const m2 = polygonAreaSquareMetres([
      [0, 0],
      [side, 0],
      [side, side],
      [0, side],
    ])
    const sideM = lineLengthMetres([
      [0, 0],
      [side, 0],
    ])
    expect(m2 / (sideM * sideM)).toBeCloseTo(1, 2)
    expect(
      polygonAreaSquareMetres([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(0)
  })

  it('formats metres, kilometres, m², km² and hectares', () => {
    expect(formatDistance(853.4)).toEqual({ value: '853', unit: 'm' })
    expect(formatDistance(12_345)).toEqual({ value: '12.35', unit: 'km' })
    expect(formatDistance(123_456)).toEqual({ value: '123.5', unit: 'km' })
    expect(formatArea(5_000)).toEqual({ value: '5,000', unit: 'm²', hectares: '0.50' })
    expect(formatArea(2_500_000)).toEqual({ value: '2.50', unit: 'km²', hectares: '250.00' })
  })
})
