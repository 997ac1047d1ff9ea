// The tile schema: which features go into which layer, from which zoom. Kept in one place so the
// archive's vector_layers metadata and the style agree with what is actually tiled.
import type { Feature, Position } from 'geojson'
import type { AdminData, AdminUnit } from './admin'
import type { FineBorders } from './fine-borders'
import { labelPoint } from './label-point'
import { MINZOOM_PROP, type LayerSource } from './tiler'
import type { Neighbours } from './world'

export const MAX_ZOOM = 8
/** From this zoom, borders come from the detailed county files (see fine-borders.ts). */
export const FINE_ZOOM = 7
/**
 * geojson-vt tolerance (tile units) for the detailed layers. The z8 tiles are over-zoomed up to
 * z12, where the default 3 units would let county and province lines drift ~6 px apart.
 */
const FINE_TOLERANCE = 1

/** Zoom from which each kind of label is put into tiles (a z3 tile must not carry thousands). */
export const LABEL_MINZOOM = { country: 3, province: 3, city: 5, county: 7 } as const

export interface LayerDoc {
  id: string
  description: string
  fields: Record<string, string>
  minzoom: number
  maxzoom: number
}

export const LAYER_DOCS: LayerDoc[] = [
  {
    id: 'land',
    description: 'Land (Natural Earth 50m to z4, 10m from z5)',
    fields: {},
    minzoom: 0,
    maxzoom: MAX_ZOOM,
  },
  {
    id: 'china',
    description:
      'Areas of China for fill and hit-testing: provinces below z7, the most detailed units (counties) from z7',
    fields: { adcode: 'Number', name: 'String' },
    minzoom: 0,
    maxzoom: MAX_ZOOM,
  },
  {
    id: 'water',
    description: 'Lakes (Natural Earth 50m)',
    fields: {},
    minzoom: 3,
    maxzoom: MAX_ZOOM,
  },
  {
    id: 'rivers',
    description: 'Rivers (Natural Earth 50m, unnamed)',
    fields: {},
    minzoom: 3,
    maxzoom: MAX_ZOOM,
  },
  {
    id: 'countries',
    description:
      "National borders: China's land border (national), borders between neighbours (foreign), South China Sea line (maritime)",
    fields: { kind: 'String' },
    minzoom: 0,
    maxzoom: MAX_ZOOM,
  },
  {
    id: 'provinces',
    description: 'Borders between provinces',
    fields: {},
    minzoom: 2,
    maxzoom: MAX_ZOOM,
  },
  {
    id: 'cities',
    description: 'Borders between prefecture-level units',
    fields: {},
    minzoom: 5,
    maxzoom: MAX_ZOOM,
  },
  {
    id: 'counties',
    description: 'Borders between county-level units',
    fields: {},
    minzoom: 7,
    maxzoom: MAX_ZOOM,
  },
  {
    id: 'places',
    description: `Label points with Chinese names; country and province from z${LABEL_MINZOOM.province}, city from z${LABEL_MINZOOM.city}, county from z${LABEL_MINZOOM.county}`,
    fields: {
      name: 'String',
      short: 'String',
      level: 'String',
      adcode: 'Number',
      rank: 'Number',
    },
    minzoom: LABEL_MINZOOM.province,
    maxzoom: MAX_ZOOM,
  },
]

const docOf = (id: string): LayerDoc => {
  const doc = LAYER_DOCS.find((d) => d.id === id)
  if (!doc) throw new Error(`no layer ${id}`)
  return doc
}

const lines = (coordinates: Position[][], properties: Record<string, unknown> = {}): Feature[] =>
  coordinates.map((c) => ({
    type: 'Feature',
    properties,
    geometry: { type: 'LineString', coordinates: c },
  }))

const areas = (units: readonly AdminUnit[]): Feature[] =>
  units.map((u) => ({
    type: 'Feature',
    properties: { adcode: u.adcode, name: u.name },
    geometry: u.geometry,
  }))

const point = (coordinates: Position, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates },
})

/** 新疆维吾尔自治区 → 新疆, 陕西省 → 陕西: full names crowd the national view. */
const shortProvinceName = (name: string): string =>
  name.replace(/(维吾尔|壮族|回族)?自治区$|特别行政区$|省$|市$/, '')

function placeFeatures(admin: AdminData, neighbours: Neighbours): Feature[] {
  const out: Feature[] = []
  for (const c of neighbours.labels) {
    // Small or barely visible neighbours only get a name once there is room.
    const minzoom = c.area > 20 ? LABEL_MINZOOM.country : LABEL_MINZOOM.city
    out.push(point(c.point, { name: c.name, level: 'country', rank: 0, [MINZOOM_PROP]: minzoom }))
  }
  const capitals = admin.provinces.map((p) => p.center).filter((c): c is Position => !!c)
  const isCapital = (u: AdminUnit): boolean =>
    !!u.center &&
    capitals.some(
      (c) =>
        Math.hypot((c[0] ?? 0) - (u.center?.[0] ?? 0), (c[1] ?? 0) - (u.center?.[1] ?? 0)) < 0.05,
    )
  for (const p of admin.provinces) {
    // Province names sit inside the area; the capital is labelled as a city.
    const at = labelPoint(p.geometry)
    if (!at) continue
    out.push(
      point(at, {
        name: p.name,
        short: shortProvinceName(p.name),
        level: 'province',
        adcode: p.adcode,
        rank: 1,
        [MINZOOM_PROP]: LABEL_MINZOOM.province,
      }),
    )
  }
  for (const u of [...admin.cities, ...admin.counties]) {
    const at = u.center ?? labelPoint(u.geometry)
    if (!at) continue
    const rank = u.level === 'city' ? (isCapital(u) ? 2 : 3) : 4
    out.push(
      point(at, {
        name: u.name,
        level: u.level,
        adcode: u.adcode,
        rank,
        [MINZOOM_PROP]: LABEL_MINZOOM[u.level === 'city' ? 'city' : 'county'],
      }),
    )
  }
  return out
}

export interface SourceInputs {
  admin: AdminData
  neighbours: Neighbours
  nationalBorders: Position[][]
  fine: FineBorders
  fineNationalBorders: Position[][]
  landLow: Feature[]
  landHigh: Feature[]
  lakes: Feature[]
  rivers: Feature[]
}

function coarseThenFine(
  layer: string,
  coarse: Position[][],
  fine: Position[][],
  properties: Record<string, unknown> = {},
): LayerSource[] {
  const { minzoom, maxzoom } = docOf(layer)
  return [
    { layer, minzoom, maxzoom: FINE_ZOOM - 1, features: lines(coarse, properties) },
    {
      layer,
      minzoom: FINE_ZOOM,
      maxzoom,
      features: lines(fine, properties),
      tolerance: FINE_TOLERANCE,
    },
  ]
}

export function layerSources(i: SourceInputs): LayerSource[] {
  const range = (id: string): { minzoom: number; maxzoom: number } => {
    const d = docOf(id)
    return { minzoom: d.minzoom, maxzoom: d.maxzoom }
  }
  return [
    { layer: 'land', minzoom: 0, maxzoom: 4, features: i.landLow },
    { layer: 'land', minzoom: 5, maxzoom: MAX_ZOOM, features: i.landHigh },
    // Provinces while zoomed out; from FINE_ZOOM the county polygons, whose coast and borders
    // match the detailed border lines drawn at those zooms.
    { layer: 'china', minzoom: 0, maxzoom: FINE_ZOOM - 1, features: areas(i.admin.provinces) },
    {
      layer: 'china',
      minzoom: FINE_ZOOM,
      maxzoom: MAX_ZOOM,
      features: areas(i.admin.fineAreas),
      tolerance: FINE_TOLERANCE,
    },
    { layer: 'water', ...range('water'), features: i.lakes },
    { layer: 'rivers', ...range('rivers'), features: i.rivers },
    {
      layer: 'countries',
      ...range('countries'),
      features: [
        ...lines(i.neighbours.foreignLines, { kind: 'foreign' }),
        ...lines(i.neighbours.maritimeLines, { kind: 'maritime' }),
      ],
    },
    // Coarse borders while zoomed out, detailed ones where county borders show (same layers).
    ...coarseThenFine('countries', i.nationalBorders, i.fineNationalBorders, { kind: 'national' }),
    ...coarseThenFine('provinces', i.admin.provinceLines, i.fine.province),
    ...coarseThenFine('cities', i.admin.cityLines, i.fine.city),
    {
      layer: 'counties',
      ...range('counties'),
      features: lines(i.admin.countyLines),
      tolerance: FINE_TOLERANCE,
    },
    { layer: 'places', ...range('places'), features: placeFeatures(i.admin, i.neighbours) },
  ]
}
