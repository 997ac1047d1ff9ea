import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../shared/errors'
import { EARTH_MEAN_RADIUS_KM, greatCircleKm, isInChinaExtent } from './geo'

describe('isInChinaExtent (73.4–135.1 E, 3.3–53.6 N, edges included)', () => {
  it.each([
    [108.94, 34.26, true], // 西安 Xi'an
    [116.4, 39.9, true], // 北京
    [73.4, 39.0, true], // west edge
    [135.1, 48.0, true], // east edge
    [112.0, 3.3, true], // south edge
    [122.0, 53.6, true], // north edge
    [73.39, 39.0, false],
    [135.11, 48.0, false],
    [112.0, 3.29, false],
    [122.0, 53.61, false],
    [34.26, 108.94, false], // lat/lng swapped
    [-0.13, 51.5, false], // London
    [Number.NaN, 30, false],
    [110, Number.POSITIVE_INFINITY, false],
  ])('(%s, %s) → %s', (lng, lat, inside) => {
    expect(isInChinaExtent(lng, lat)).toBe(inside)
  })
})

describe('greatCircleKm (haversine, R = 6371.0088 km)', () => {
  it('same point → 0', () => {
    expect(greatCircleKm([108.94, 34.26], [108.94, 34.26])).toBe(0)
  })

  it('equator to pole is a quarter great circle: πR/2', () => {
    expect(greatCircleKm([0, 0], [0, 90])).toBeCloseTo((Math.PI * EARTH_MEAN_RADIUS_KM) / 2, 9)
  })

  it('one degree of longitude on the equator: πR/180 ≈ 111.195 km', () => {
    expect(greatCircleKm([0, 0], [1, 0])).toBeCloseTo((Math.PI * EARTH_MEAN_RADIUS_KM) / 180, 9)
    expect(greatCircleKm([0, 0], [1, 0])).toBeCloseTo(111.195, 3)
  })

  it('antipodes → πR (no NaN from rounding)', () => {
    expect(greatCircleKm([0, 0], [180, 0])).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_KM, 9)
    expect(greatCircleKm([10, 45], [-170, -45])).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_KM, 6)
  })

  it('is symmetric and crosses the antimeridian the short way', () => {
    const a = [179.5, 0] as const
    const b = [-179.5, 0] as const
    expect(greatCircleKm(a, b)).toBeCloseTo(greatCircleKm(b, a), 12)
    expect(greatCircleKm(a, b)).toBeCloseTo(111.195, 3)
  })

  it('北京 (116.4074, 39.9042) to 西安 (108.9398, 34.3416) ≈ 910 km', () => {
    const d = greatCircleKm([116.4074, 39.9042], [108.9398, 34.3416])
    expect(d).toBeGreaterThan(905)
    expect(d).toBeLessThan(915)
  })

  it.each([
    [
      [Number.NaN, 0],
      [0, 0],
    ],
    [
      [0, 91],
      [0, 0],
    ],
    [
      [0, 0],
      [0, -90.5],
    ],
    [
      [0, 0],
      [Number.POSITIVE_INFINITY, 0],
    ],
  ] as const)('rejects %o → %o', (a, b) => {
    expect(() => greatCircleKm(a, b)).toThrow(InvalidInputError)
  })
})
