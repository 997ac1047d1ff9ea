import { useEffect, useMemo, useState } from 'react'
import type {
  GeoJSONSource,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl'
import { roundBbox, type Bbox, type RegistryCollection } from '../../api/registry-list.ts'
import type { LayerBindingContext } from './layer-types.ts'

/*
 * Shared plumbing of the registry point layers (hazard sources, hidden dangers, resources,
 * enterprises): the viewport as a rounded bbox, and a GeoJSON source whose data is replaced
 * with `setData` as lists arrive, its style layers added once.
 */

const MOVE_DEBOUNCE_MS = 250

const viewportBbox = (map: MapLibreMap): Bbox => {
  const b = map.getBounds()
  return roundBbox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom())
}

/** Feature properties as the API sends them (zod-inferred object types). */
type Row = Record<string, unknown>

const sameBbox = (a: Bbox, b: Bbox) => a.every((v, i) => v === b[i])

/** The viewport, snapped outward to a zoom-dependent grid; updated after the map settles. */
export function useViewportBbox(map: MapLibreMap): Bbox {
  const [bbox, setBbox] = useState<Bbox>(() => viewportBbox(map))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const onMoveEnd = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        const next = viewportBbox(map)
        setBbox((prev) => (sameBbox(prev, next) ? prev : next))
      }, MOVE_DEBOUNCE_MS)
    }
    map.on('moveend', onMoveEnd)
    return () => {
      clearTimeout(timer)
      map.off('moveend', onMoveEnd)
    }
  }, [map])
  return bbox
}

/** Feature ids are UUIDs, which feature-state cannot key on: copy them into `properties.id`. */
export function withIdProperty<P>(
  collection: RegistryCollection<P> | undefined,
): RegistryCollection<P & { id: string }> {
  return {
    type: 'FeatureCollection',
    features: (collection?.features ?? []).map((f) => ({
      ...f,
      properties: { ...f.properties, id: String(f.id) },
    })),
  }
}

export interface PointSourceSpec {
  source: string
  /** Stacking among the point layers: higher is drawn above, whatever order they load in. */
  rank: number
  /** Extra GeoJSON source options (clustering). */
  options?: Omit<GeoJSONSourceSpecification, 'type' | 'data'>
  layers: (textFont: string[]) => LayerSpecification[]
}

const POINT_RANK = 'jinan:point-rank'

const pointRankOf = (metadata: unknown): number => {
  const rank = (metadata as Record<string, unknown> | undefined)?.[POINT_RANK]
  return typeof rank === 'number' ? rank : -Infinity
}

const applied = new WeakMap<MapLibreMap, Map<string, { data: unknown; visible: boolean }>>()

/** Adds the source and its style layers once; afterwards only `setData` and visibility. */
export function applyPointSource(
  map: MapLibreMap,
  spec: PointSourceSpec,
  state: { data: RegistryCollection<Row>; visible: boolean; textFont: string[] },
) {
  const byMap = applied.get(map) ?? new Map<string, { data: unknown; visible: boolean }>()
  applied.set(map, byMap)
  const last = byMap.get(spec.source)
  if (last && last.data === state.data && last.visible === state.visible) return
  const layers = spec.layers(state.textFont)
  if (!map.getSource(spec.source)) {
    map.addSource(spec.source, {
      type: 'geojson',
      data: state.data,
      promoteId: 'id',
      ...spec.options,
    })
    const before = map
      .getLayersOrder()
      .find((layerId) => pointRankOf(map.getLayer(layerId)?.metadata) > spec.rank)
    for (const layer of layers) {
      map.addLayer({ ...layer, metadata: { [POINT_RANK]: spec.rank } }, before)
    }
  } else if (last?.data !== state.data) {
    map.getSource<GeoJSONSource>(spec.source)?.setData(state.data)
  }
  const visibility = state.visible ? 'visible' : 'none'
  for (const layer of layers) map.setLayoutProperty(layer.id, 'visibility', visibility)
  byMap.set(spec.source, { data: state.data, visible: state.visible })
}

/** The binding's last step: the fetched list (or nothing) onto the map. */
export function usePointSource(
  spec: PointSourceSpec,
  context: LayerBindingContext,
  collection: RegistryCollection<Row> | undefined,
  shown: boolean,
) {
  const { map, textFont } = context
  const data = useMemo(() => withIdProperty(collection), [collection])
  useEffect(() => {
    applyPointSource(map, spec, { data, visible: shown, textFont })
  }, [map, spec, data, shown, textFont])
}

/** Distinct records rendered in view; a cluster counts as the points it holds. */
export function countPoints(map: MapLibreMap, layerIds: readonly string[]): number {
  const layers = layerIds.filter((id) => map.getLayer(id))
  if (layers.length === 0) return 0
  const seen = new Set<unknown>()
  let count = 0
  for (const feature of map.queryRenderedFeatures({ layers })) {
    const p = feature.properties
    const key = p.cluster ? `cluster:${String(p.cluster_id)}` : p.id
    if (seen.has(key)) continue
    seen.add(key)
    count += p.cluster ? Number(p.point_count) || 0 : 1
  }
  return count
}

export const interpolateZoom = (stops: [number, number][]) =>
  ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as unknown as number

export const hovered = ['boolean', ['feature-state', 'hover'], false]
export const selected = ['boolean', ['feature-state', 'selected'], false]
export const highlighted = ['any', hovered, selected]

/** The ink used for hover/selection outlines (not one of the four colours). */
export const HIGHLIGHT = '#0f3942'
