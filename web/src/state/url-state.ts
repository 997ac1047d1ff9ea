import {
  dangerStatusOptions,
  gradeOptions,
  industryOptions,
  resourceKindOptions,
  resourceStatusOptions,
  severityOptions,
} from '../filters/filter-options.ts'
import { exerciseModes, noFilters, type FiltersState, type LayerFilters } from './filters.ts'

/*
 * The screen as a URL, so a copied link reproduces it:
 *   /?layers=hazard-sources,resources,provinces&hs.grade=一级,二级&region=610113#9.5/34.2/108.9/15
 * The hash keeps MapLibre's `zoom/lat/lng[/bearing]` form (older links keep working); the
 * query holds visible layers and filters. Decoding never throws: a value it does not
 * recognise is dropped, so a hand-edited or hostile link opens the default screen instead.
 */

export interface MapViewState {
  center: [lng: number, lat: number]
  zoom: number
  bearing: number
}

export interface UrlState {
  view: MapViewState | null
  /** Layer id → shown, for every layer the URL speaks about; null: the URL says nothing. */
  layers: Record<string, boolean> | null
  filters: FiltersState
}

const LAYERS = 'layers'
const REGION = 'region'
/** 演练: `ex=include` or `ex=only`; absent means exercises are left out. */
const EXERCISES = 'ex'
/** Query names of the per-layer filters: short, stable, and never reused for another meaning. */
const names = {
  grade: 'hs.grade',
  dangerSeverity: 'hd.severity',
  dangerStatus: 'hd.status',
  dangerOverdue: 'hd.overdue',
  resourceKind: 'rs.kind',
  resourceStatus: 'rs.status',
  industry: 'en.industry',
} as const

const MAX_PARAM_LENGTH = 500
const REGION_CODE = /^\d{6}$/

const round = (value: number, digits: number) => Number(value.toFixed(digits))

/** Degrees to 5 decimals (about 1 m) and zoom to 2: enough to reproduce the screen. */
export function encodeHash(view: MapViewState): string {
  const parts = [round(view.zoom, 2), round(view.center[1], 5), round(view.center[0], 5)]
  const bearing = round(view.bearing, 1)
  if (bearing !== 0) parts.push(bearing)
  return `#${parts.join('/')}`
}

export function encodeSearch(
  state: Pick<UrlState, 'filters'> & { layers: Record<string, boolean> },
  layerOrder: readonly string[],
): string {
  const params = new URLSearchParams()
  params.set(LAYERS, layerOrder.filter((id) => state.layers[id]).join(','))
  const { layers: f, region } = state.filters
  const list = (name: string, values: readonly string[]) => {
    if (values.length) params.set(name, [...values].sort().join(','))
  }
  const one = (name: string, value: string | null) => {
    if (value !== null) params.set(name, value)
  }
  list(names.grade, f['hazard-sources'].grade)
  one(names.dangerSeverity, f['hidden-dangers'].severity)
  list(names.dangerStatus, f['hidden-dangers'].status)
  one(
    names.dangerOverdue,
    f['hidden-dangers'].overdue === null ? null : String(f['hidden-dangers'].overdue),
  )
  list(names.resourceKind, f.resources.kind)
  one(names.resourceStatus, f.resources.status)
  one(names.industry, f.enterprises.industry)
  if (region) params.set(REGION, region.code)
  const exercises = state.filters.exercises ?? 'exclude'
  if (exercises !== 'exclude') params.set(EXERCISES, exercises)
  // URLSearchParams escapes commas and CJK; both are legal in a query, so keep them readable.
  return `?${params.toString().replace(/%2C/gi, ',')}`
}

const between = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max

export function decodeHash(hash: string): MapViewState | null {
  const raw = hash.replace(/^#/, '')
  if (!raw || raw.length > 100) return null
  const parts = raw.split('/')
  if (parts.length < 3 || parts.length > 5) return null
  if (!parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return null
  const [zoom, lat, lng, bearing = 0] = parts.map(Number) as [number, number, number, number?]
  if (!between(zoom, 0, 24) || !between(lat, -85, 85) || !between(lng, -180, 180)) return null
  return { center: [lng, lat], zoom, bearing: between(bearing, -360, 360) ? bearing : 0 }
}

/** The values of a comma list that are among `allowed`, deduplicated, in `allowed` order. */
function pick<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw || raw.length > MAX_PARAM_LENGTH) return []
  const given = new Set(raw.split(',').map((s) => s.trim()))
  return allowed.filter((value) => given.has(value))
}

const pickOne = <T extends string>(raw: string | null, allowed: readonly T[]): T | null =>
  raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : null

export function decodeSearch(
  search: string,
  layerOrder: readonly string[],
): Pick<UrlState, 'layers' | 'filters'> {
  let params: URLSearchParams
  try {
    params = new URLSearchParams(search.length > 4000 ? '' : search)
  } catch {
    params = new URLSearchParams()
  }
  const layersRaw = params.get(LAYERS)
  const layers =
    layersRaw === null || layersRaw.length > MAX_PARAM_LENGTH
      ? null
      : Object.fromEntries(layerOrder.map((id) => [id, layersRaw.split(',').includes(id)] as const))
  const overdue = params.get(names.dangerOverdue)
  const filters: LayerFilters = {
    ...noFilters(),
    'hazard-sources': { grade: pick(params.get(names.grade), gradeOptions) },
    'hidden-dangers': {
      severity: pickOne(params.get(names.dangerSeverity), severityOptions),
      status: pick(params.get(names.dangerStatus), dangerStatusOptions),
      overdue: overdue === 'true' ? true : overdue === 'false' ? false : null,
    },
    resources: {
      kind: pick(params.get(names.resourceKind), resourceKindOptions),
      status: pickOne(params.get(names.resourceStatus), resourceStatusOptions),
    },
    enterprises: { industry: pickOne(params.get(names.industry), industryOptions) },
  }
  const region = params.get(REGION)
  return {
    layers,
    filters: {
      layers: filters,
      region: region && REGION_CODE.test(region) ? { code: region, name: null } : null,
      exercises: pickOne(params.get(EXERCISES), exerciseModes) ?? 'exclude',
    },
  }
}

export function decodeUrl(
  location: { search: string; hash: string },
  layerOrder: readonly string[],
): UrlState {
  return { view: decodeHash(location.hash), ...decodeSearch(location.search, layerOrder) }
}
