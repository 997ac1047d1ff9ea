import { useEffect } from 'react'
import type {
  LayerSpecification,
  Map as MapLibreMap,
  MapGeoJSONFeature,
  MapSourceDataEvent,
} from 'maplibre-gl'
import {
  REGION_TILES_MAX_ZOOM,
  regionTileLevels,
  type RegionTileLevel,
} from '../../../../server/routes/vector-tiles/region-tiles.schemas.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { suppressBasemapLabels } from '../basemap-labels.ts'
import { useMapZoom } from '../map-context.ts'
import { countRendered, type LayerBindingContext, type MapLayerDefinition } from './layer-types.ts'

/*
 * Administrative regions of the whole country, provinces, then cities, then counties as the
 * user zooms in, drawn from the server's region tiles (/tiles/regions/…): polygons cut to
 * each tile and simplified to its pixel size, so the national view of 2,833 counties loads
 * only the tiles on screen. Colours are slate, teal and grey on purpose: red, orange, yellow
 * and blue are reserved for hazard grades and risk levels.
 */

/** One vector source for every level: each level is a pair of layers inside the tiles. */
const SOURCE = 'regions'

interface RegionLevelSpec {
  id: string
  labelKey: MessageKey
  level: RegionTileLevel['level']
  /** Drawn from this zoom; the tiles hold the level from `tileLevel(spec).minzoom`, below it. */
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

const tileLevel = (spec: RegionLevelSpec): RegionTileLevel =>
  regionTileLevels.find((l) => l.level === spec.level)!

const ids = (spec: RegionLevelSpec) => ({
  areas: tileLevel(spec).areas,
  labels: tileLevel(spec).labels,
  fill: `regions-${spec.level}-fill`,
  line: `regions-${spec.level}-line`,
  hover: `regions-${spec.level}-hover`,
  label: `regions-${spec.level}-label`,
})

const interpolate = (stops: [number, number][]) =>
  ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as unknown as number

const hovered = ['boolean', ['feature-state', 'hover'], false]
const selected = ['boolean', ['feature-state', 'selected'], false]

function styleLayers(spec: RegionLevelSpec, textFont: string[]) {
  const id = ids(spec)
  const fromTiles = { source: SOURCE, 'source-layer': id.areas, minzoom: spec.minzoom }
  const areas: LayerSpecification[] = [
    {
      // Transparent unless hovered or selected: it is there to be hit by clicks and counted.
      id: id.fill,
      type: 'fill',
      ...fromTiles,
      paint: {
        'fill-color': HOVER_FILL,
        'fill-opacity': ['case', hovered, 0.14, selected, 0.1, 0] as unknown as number,
      },
    },
    {
      id: id.line,
      type: 'line',
      ...fromTiles,
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
      ...fromTiles,
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
    source: SOURCE,
    'source-layer': id.labels,
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

/** The tiles are the same for everyone, so one source serves every session. */
function ensureSource(map: MapLibreMap) {
  if (map.getSource(SOURCE)) return
  map.addSource(SOURCE, {
    type: 'vector',
    tiles: [`${window.location.origin}/tiles/regions/{z}/{x}/{y}.pbf`],
    minzoom: 0,
    maxzoom: REGION_TILES_MAX_ZOOM,
    // Hover and selection use feature-state keyed by the region code.
    promoteId: Object.fromEntries(regionTileLevels.map((l) => [l.areas, 'code'])),
  })
}

export interface RegionLevelState {
  visible: boolean
  textFont: string[]
  beforeLabels: string | undefined
}

/**
 * Brings one region level on the map in line with `state`: adds the shared source and the
 * level's style layers the first time, afterwards only visibility. Safe to call on every
 * render: nothing is torn down.
 */
export function applyRegionLevel(map: MapLibreMap, spec: RegionLevelSpec, state: RegionLevelState) {
  const id = ids(spec)
  ensureSource(map)
  if (!map.getLayer(id.fill)) {
    const { areas, label } = styleLayers(spec, state.textFont)
    const before =
      state.beforeLabels && map.getLayer(state.beforeLabels) ? state.beforeLabels : undefined
    for (const layer of areas) map.addLayer(layer, before)
    // Labels above everything else, ordered among themselves by rank.
    map.addLayer(label, labelInsertionPoint(map, spec.label.rank))
  }
  const visibility = state.visible ? 'visible' : 'none'
  for (const layerId of [id.fill, id.line, id.hover, id.label]) {
    if (map.getLayoutProperty(layerId, 'visibility') !== visibility)
      map.setLayoutProperty(layerId, 'visibility', visibility)
  }
}

/**
 * While this level's names are drawn, the basemap's labels of the same regions step aside.
 * The tiles say which regions those are: the codes of the label points loaded so far, kept
 * as the user pans (a region named once is one of ours), so the basemap's filter changes
 * only when a region is seen for the first time.
 */
function useBasemapLabelHandOff(map: MapLibreMap, spec: RegionLevelSpec, active: boolean) {
  useEffect(() => {
    const owner = `regions-${spec.level}`
    if (!active) {
      suppressBasemapLabels(map, owner, [])
      return
    }
    const { labels } = ids(spec)
    const codes = new Set<string>()
    const collect = () => {
      const known = codes.size
      for (const feature of map.querySourceFeatures(SOURCE, { sourceLayer: labels })) {
        const code: unknown = feature.properties.code
        if (typeof code === 'string') codes.add(code)
      }
      if (codes.size !== known) suppressBasemapLabels(map, owner, [...codes])
    }
    const onData = (event: MapSourceDataEvent) => {
      if (event.sourceId === SOURCE && event.isSourceLoaded) collect()
    }
    collect()
    map.on('sourcedata', onData)
    return () => {
      map.off('sourcedata', onData)
    }
  }, [map, spec, active])
}

function useRegionLevel(spec: RegionLevelSpec, context: LayerBindingContext) {
  const { map, visible, textFont, beforeLabels } = context
  const zoom = useMapZoom(map)
  useEffect(() => {
    applyRegionLevel(map, spec, { visible, textFont, beforeLabels })
  }, [map, spec, visible, textFont, beforeLabels])
  useBasemapLabelHandOff(map, spec, visible && zoom >= spec.minzoom)
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
      content.kind === 'region'
        ? { source: SOURCE, sourceLayer: id.areas, id: content.code }
        : null,
  }
}

export const provincesLayer = regionLayer(provinces)
export const citiesLayer = regionLayer(cities)
export const countiesLayer = regionLayer(counties)
