import { useEffect, useMemo } from 'react'
import type {
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  MapGeoJSONFeature,
} from 'maplibre-gl'
import type { FeatureCollection, Point } from 'geojson'
import type { RegionCollection } from '../../../../server/routes/regions/regions.schemas.ts'
import { displayZoom, useRegions, type RegionLevel } from '../../api/regions.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { suppressBasemapLabels } from '../basemap-labels.ts'
import { useMapZoom } from '../map-context.ts'
import { countRendered, type LayerBindingContext, type MapLayerDefinition } from './layer-types.ts'

/*
 * Administrative regions: provinces everywhere, Shaanxi's cities and counties as the user
 * zooms in. Colours are slate, teal and grey on purpose: red, orange, yellow and blue are
 * reserved for hazard grades and risk levels.
 */

interface RegionLevelSpec {
  id: string
  labelKey: MessageKey
  level: Exclude<RegionLevel, 'national'>
  /** Only the children of this region (the demo jurisdiction), or all of the level. */
  parent?: string
  minzoom: number
  pickPriority: number
  line: { color: string; width: [z: number, px: number][]; dash?: [number, number] }
  label: {
    size: [z: number, px: number][]
    color: string
    /** Higher ranks are drawn above and win label collisions: cities, then counties. */
    rank: number
  }
}

const HOVER_FILL = '#1f4f5c'
const HOVER_LINE = '#0f3942'

const provinces: RegionLevelSpec = {
  id: 'provinces',
  labelKey: 'layers.provinces',
  level: 'province',
  minzoom: 0,
  pickPriority: 10,
  line: {
    color: '#2e3d45',
    width: [
      [3, 0.8],
      [6, 1.4],
      [10, 2.4],
    ],
  },
  label: {
    size: [
      [3, 11],
      [6, 13],
      [9, 15],
    ],
    color: '#24323a',
    rank: 1,
  },
}

const cities: RegionLevelSpec = {
  id: 'cities',
  labelKey: 'layers.cities',
  level: 'city',
  parent: '610000',
  minzoom: 5.5,
  pickPriority: 20,
  line: {
    color: '#2b6f69',
    width: [
      [5.5, 0.8],
      [8, 1.4],
      [11, 2],
    ],
  },
  label: {
    size: [
      [5.5, 11.5],
      [8, 14],
      [11, 16],
    ],
    color: '#1d4f4b',
    rank: 3,
  },
}

const counties: RegionLevelSpec = {
  id: 'counties',
  labelKey: 'layers.counties',
  level: 'county',
  // Counties hang off their city, so no single parent selects them; the API holds only
  // the demo province's counties.
  minzoom: 7.5,
  pickPriority: 30,
  line: {
    color: '#7b888c',
    width: [
      [7.5, 0.6],
      [10, 1],
      [13, 1.4],
    ],
    dash: [3, 2],
  },
  label: {
    size: [
      [7.5, 11],
      [10, 13],
      [13, 14],
    ],
    color: '#4a575c',
    rank: 2,
  },
}

const ids = (spec: RegionLevelSpec) => ({
  source: `regions-${spec.level}`,
  labelSource: `regions-${spec.level}-labels`,
  fill: `regions-${spec.level}-fill`,
  line: `regions-${spec.level}-line`,
  hover: `regions-${spec.level}-hover`,
  label: `regions-${spec.level}-label`,
})

const interpolate = (stops: [number, number][]) =>
  ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as unknown as number

const hovered = ['boolean', ['feature-state', 'hover'], false]
const selected = ['boolean', ['feature-state', 'selected'], false]

type RegionLabels = FeatureCollection<Point, { code: string; name: string }>

const emptyCollection: RegionCollection = { type: 'FeatureCollection', features: [] }

/** Names sit on the server's label point (inside the polygon), one per region. */
export function regionLabelPoints(collection: RegionCollection): RegionLabels {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({
      type: 'Feature',
      id: f.properties.code,
      properties: { code: f.properties.code, name: f.properties.name },
      geometry: { type: 'Point', coordinates: [f.properties.labelLng, f.properties.labelLat] },
    })),
  }
}

function styleLayers(spec: RegionLevelSpec, textFont: string[]) {
  const id = ids(spec)
  const areas: LayerSpecification[] = [
    {
      // Transparent unless hovered or selected: it is there to be hit by clicks and counted.
      id: id.fill,
      type: 'fill',
      source: id.source,
      minzoom: spec.minzoom,
      paint: {
        'fill-color': HOVER_FILL,
        'fill-opacity': ['case', hovered, 0.14, selected, 0.1, 0] as unknown as number,
      },
    },
    {
      id: id.line,
      type: 'line',
      source: id.source,
      minzoom: spec.minzoom,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': spec.line.color,
        'line-width': interpolate(spec.line.width),
        ...(spec.line.dash ? { 'line-dasharray': spec.line.dash } : {}),
      },
    },
    {
      id: id.hover,
      type: 'line',
      source: id.source,
      minzoom: spec.minzoom,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': HOVER_LINE,
        'line-width': 2.5,
        'line-opacity': ['case', ['any', hovered, selected], 1, 0] as unknown as number,
      },
    },
  ]
  const label: LayerSpecification = {
    id: id.label,
    type: 'symbol',
    source: id.labelSource,
    minzoom: spec.minzoom,
    metadata: { 'jinan:label-rank': spec.label.rank },
    layout: {
      'text-field': ['get', 'name'],
      'text-font': textFont,
      'text-size': interpolate(spec.label.size),
      'text-padding': 4,
      'text-max-width': 8,
    },
    paint: {
      'text-color': spec.label.color,
      'text-halo-color': 'rgba(255, 255, 255, 0.92)',
      'text-halo-width': 1.5,
    },
  }
  return { areas, label }
}

const rankOf = (metadata: unknown): number => {
  const rank = (metadata as Record<string, unknown> | undefined)?.['jinan:label-rank']
  return typeof rank === 'number' ? rank : -Infinity
}

/** The lowest region label layer that outranks `rank`: a new label layer goes below it. */
function labelInsertionPoint(map: MapLibreMap, rank: number): string | undefined {
  return map.getLayersOrder().find((layerId) => rankOf(map.getLayer(layerId)?.metadata) > rank)
}

export interface RegionLevelState {
  data: RegionCollection | undefined
  visible: boolean
  textFont: string[]
  beforeLabels: string | undefined
}

interface Applied {
  data: RegionCollection
  visible: boolean
}

const applied = new WeakMap<MapLibreMap, Map<string, Applied>>()

/**
 * Brings one region level on the map in line with `state`: adds its sources and style
 * layers the first time, afterwards only `setData` (when the collection changed) and
 * visibility. Safe to call on every render: unchanged state touches nothing.
 */
export function applyRegionLevel(map: MapLibreMap, spec: RegionLevelSpec, state: RegionLevelState) {
  const id = ids(spec)
  const data = state.data ?? emptyCollection
  const byMap = applied.get(map) ?? new Map<string, Applied>()
  applied.set(map, byMap)
  const last = byMap.get(id.source)
  if (last && last.data === data && last.visible === state.visible) return

  if (!map.getSource(id.source)) {
    // promoteId: hover uses feature-state keyed by the region code.
    map.addSource(id.source, { type: 'geojson', data, promoteId: 'code' })
    map.addSource(id.labelSource, { type: 'geojson', data: regionLabelPoints(data) })
    const { areas, label } = styleLayers(spec, state.textFont)
    const before =
      state.beforeLabels && map.getLayer(state.beforeLabels) ? state.beforeLabels : undefined
    for (const layer of areas) map.addLayer(layer, before)
    // Labels above everything else, ordered among themselves by rank.
    map.addLayer(label, labelInsertionPoint(map, spec.label.rank))
  } else if (last?.data !== data) {
    map.getSource<GeoJSONSource>(id.source)?.setData(data)
    map.getSource<GeoJSONSource>(id.labelSource)?.setData(regionLabelPoints(data))
  }

  const visibility = state.visible ? 'visible' : 'none'
  for (const layerId of [id.fill, id.line, id.hover, id.label]) {
    map.setLayoutProperty(layerId, 'visibility', visibility)
  }
  // The regions named here are not named again by the basemap.
  suppressBasemapLabels(
    map,
    id.source,
    state.visible ? data.features.map((f) => f.properties.code) : [],
  )
  byMap.set(id.source, { data, visible: state.visible })
}

function useRegionLevel(spec: RegionLevelSpec, context: LayerBindingContext) {
  const { map, visible, textFont, beforeLabels } = context
  const zoom = useMapZoom(map)
  // Start loading half a level early so the layer is there when its zoom is reached.
  const wanted = visible && zoom >= spec.minzoom - 0.5
  const filter = useMemo(
    () => ({ level: spec.level, parent: spec.parent, zoom: displayZoom(zoom) }),
    [spec.level, spec.parent, zoom],
  )
  const { data } = useRegions(filter, { enabled: wanted })
  useEffect(() => {
    applyRegionLevel(map, spec, { data, visible, textFont, beforeLabels })
  }, [map, spec, data, visible, textFont, beforeLabels])
}

function regionLayer(spec: RegionLevelSpec): MapLayerDefinition {
  const id = ids(spec)
  return {
    id: spec.id,
    labelKey: spec.labelKey,
    minzoom: spec.minzoom,
    swatch: { shape: 'area', stroke: spec.line.color, dashed: spec.line.dash !== undefined },
    defaultVisible: true,
    hitLayerIds: [id.fill],
    pickPriority: spec.pickPriority,
    useBinding: (context) => useRegionLevel(spec, context),
    countInView: (map) => countRendered(map, [id.fill], 'code'),
    panelFor: (feature: MapGeoJSONFeature) => {
      const code: unknown = feature.properties.code
      return typeof code === 'string' ? { kind: 'region', code } : null
    },
    // Any region level may hold the code; a state set on a missing id is harmless.
    featureFor: (content) =>
      content.kind === 'region' ? { source: id.source, id: content.code } : null,
  }
}

export const provincesLayer = regionLayer(provinces)
export const citiesLayer = regionLayer(cities)
export const countiesLayer = regionLayer(counties)
