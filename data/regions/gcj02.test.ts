import { describe, expect, it } from 'vitest'
import { greatCircleMeters } from './test-geodesy.ts'
import { gcj02PointToWgs84, gcj02ToWgs84, wgs84PointToGcj02 } from './gcj02.ts'

/**
 * The published GCJ-02 forward transform (Krasovsky ellipsoid, a = 6378245, ee =
 * 0.006693421622965943), written out here independently of gcoord to check it.
 */
function referenceWgsToGcj(lng: number, lat: number): [number, number] {
  const a = 6378245.0
  const ee = 0.006693421622965943
  const x = lng - 105.0
  const y = lat - 35.0
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  dLat +=
    ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  dLng +=
    ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  const radLat = (lat / 180.0) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - ee * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return [lng + dLng, lat + dLat]
}

// 钟楼 (Bell Tower) of 西安, WGS84.
const bellTower: [number, number] = [108.9402, 34.2612]

describe('GCJ-02 ↔ WGS84', () => {
  it('forward transform matches the published formula at the 西安 Bell Tower', () => {
    const [lng, lat] = wgs84PointToGcj02(...bellTower)
    const [refLng, refLat] = referenceWgsToGcj(...bellTower)
    expect(Math.abs(lng - refLng)).toBeLessThan(1e-6)
    expect(Math.abs(lat - refLat)).toBeLessThan(1e-6)
  })

  it('the GCJ-02 offset at 西安 is a few hundred metres, as documented', () => {
    const offset = greatCircleMeters(bellTower, referenceWgsToGcj(...bellTower))
    expect(offset).toBeGreaterThan(200)
    expect(offset).toBeLessThan(800)
  })

  it('GCJ-02 → WGS84 lands within 1 m of the true point', () => {
    const gcj = referenceWgsToGcj(...bellTower)
    expect(greatCircleMeters(gcj02PointToWgs84(...gcj), bellTower)).toBeLessThan(1)
  })

  it('converts every vertex of a geometry', () => {
    const gcj = referenceWgsToGcj(...bellTower)
    const geometry: GeoJSON.Polygon = {
      type: 'Polygon',
      // Fresh arrays per vertex: the conversion works in place.
      coordinates: [[[...gcj], [gcj[0] + 0.01, gcj[1]], [gcj[0], gcj[1] + 0.01], [...gcj]]],
    }
    const wgs = gcj02ToWgs84(geometry)
    const first = wgs.coordinates[0]?.[0] as [number, number]
    expect(greatCircleMeters(first, bellTower)).toBeLessThan(1)
  })
})
