import { useEffect, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type {
  ExpressionSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  VectorTileSource,
} from 'maplibre-gl'
import { useSignedIn } from '../../api/auth.ts'
import { useLayerListParams } from '../../filters/list-params.ts'
import { onLiveEvent } from '../../live/stream-event.ts'
import type { LayerBindingContext, MapLayerDefinition } from './layer-types.ts'
import { byWorst, gradeLabelStyle, hazardPointPaint } from './hazard-source-style.ts'

/*
 * 重大危险源 below DETAIL_ZOOM, drawn from the server's vector tiles
 * (/tiles/registry/hazard-sources/…). The server cuts each tile for the session's
 * jurisdiction and clusters up to zoom 8 with the worst grade per cluster, so a province of
 * 50,000 sources never travels as one list (the bench measured the GeoJSON list truncating
 * and stalling there). From DETAIL_ZOOM the GeoJSON list of the viewport takes over
 * (hazard-sources-layer.ts), where records are edited with optimistic updates. Same colours
 * and click → panel; `id` in the tiles is the record id.
 */

/** From this zoom (a city) the viewport's GeoJSON list draws the sources, not the tiles. */
export const DETAIL_ZOOM = 10

const SOURCE = 'hazard-sources-tiles'
const SOURCE_LAYER = 'hazard-sources'
const ids = {
  clusters: 'hazard-sources-tiles-clusters',
  clusterCount: 'hazard-sources-tiles-cluster-count',
  points: 'hazard-sources-tiles-points',
  gradeLabel: 'hazard-sources-tiles-grade',
}
const RANK_METADATA = 'jinan:point-rank'
const RANK = 40

const pointCount = ['coalesce', ['get', 'point_count'], 1] as unknown as ExpressionSpecification
/** A cluster of one is drawn as the source it is. */
const isCluster = ['>', pointCount, 1] as unknown as ExpressionSpecification
const isSingle = ['<=', pointCount, 1] as unknown as ExpressionSpecification
const abbreviated = [
  'case',
  ['>=', pointCount, 10_000],
  ['concat', ['to-string', ['round', ['/', pointCount, 1000]]], 'k'],
  ['>=', pointCount, 1000],
  ['concat', ['to-string', ['/', ['round', ['/', pointCount, 100]], 10]], 'k'],
  ['to-string', pointCount],
] as unknown as ExpressionSpecification

const styleLayers = (textFont: string[]): LayerSpecification[] => [
  {
    id: ids.clusters,
    type: 'circle',
    source: SOURCE,
    'source-layer': SOURCE_LAYER,
    maxzoom: DETAIL_ZOOM,
    filter: isCluster,
    paint: {
      'circle-color': byWorst((s) => s.hex),
      'circle-opacity': 0.9,
      'circle-radius': ['step', pointCount, 13, 10, 16, 50, 20, 200, 25] as unknown as number,
      'circle-stroke-color': byWorst((s) => s.strokeHex),
      'circle-stroke-width': 1.5,
    },
  },
  {
    id: ids.clusterCount,
    type: 'symbol',
    source: SOURCE,
    'source-layer': SOURCE_LAYER,
    maxzoom: DETAIL_ZOOM,
    filter: isCluster,
    layout: {
      'text-field': abbreviated as unknown as string,
      'text-font': textFont,
      'text-size': 12,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': byWorst((s) => s.textHex) },
  },
  {
    id: ids.points,
    type: 'circle',
    source: SOURCE,
    'source-layer': SOURCE_LAYER,
    maxzoom: DETAIL_ZOOM,
    filter: isSingle,
    paint: hazardPointPaint,
  },
  {
    // The grade in words beside each mark: colour is never the only carrier.
    id: ids.gradeLabel,
    type: 'symbol',
    source: SOURCE,
    'source-layer': SOURCE_LAYER,
    minzoom: 9,
    maxzoom: DETAIL_ZOOM,
    filter: ['all', isSingle, ['has', 'grade']] as unknown as ExpressionSpecification,
    ...gradeLabelStyle(textFont),
  },
]

/**
 * The tile URL with the layer's filters (the same query parameters as the list endpoint,
 * from the one filters → params function); `v` changes after a write so the browser
 * fetches fresh tiles.
 */
const tileUrl = (version: number, filters: Record<string, string | undefined>) => {
  const query = new URLSearchParams({ v: String(version) })
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value)
  return `${window.location.origin}/tiles/registry/hazard-sources/{z}/{x}/{y}.pbf?${query}`
}

function ensureSource(map: MapLibreMap, textFont: string[], url: string) {
  if (map.getSource(SOURCE)) return
  map.addSource(SOURCE, {
    type: 'vector',
    tiles: [url],
    minzoom: 0,
    maxzoom: DETAIL_ZOOM,
    promoteId: { [SOURCE_LAYER]: 'id' },
  })
  // Same stacking rule as the GeoJSON point layers: below any point layer ranked higher.
  const before = map.getLayersOrder().find((layerId) => {
    const rank = (map.getLayer(layerId)?.metadata as Record<string, unknown> | undefined)?.[
      RANK_METADATA
    ]
    return typeof rank === 'number' && rank > RANK
  })
  for (const layer of styleLayers(textFont)) {
    map.addLayer({ ...layer, metadata: { [RANK_METADATA]: RANK } }, before)
  }
}

function useHazardSourcesTilesBinding({ map, visible, textFont }: LayerBindingContext) {
  const signedIn = useSignedIn()
  const queryClient = useQueryClient()
  const filters = useLayerListParams('hazard-sources') as Record<string, string | undefined>
  const version = useRef(0)
  const filtersRef = useRef(filters)
  filtersRef.current = filters

  useEffect(() => {
    ensureSource(map, textFont, tileUrl(version.current, filtersRef.current))
    const shown = visible && signedIn ? 'visible' : 'none'
    for (const id of Object.values(ids)) map.setLayoutProperty(id, 'visibility', shown)
  }, [map, textFont, visible, signedIn])

  // Tiles are cut per session and filters and change with every write: refetch them when
  // the session or the filters change, after this client's writes, and when the live stream
  // says someone else changed a hazard source (or a move took one out of this jurisdiction).
  useEffect(() => {
    const refresh = () => {
      version.current += 1
      map
        .getSource<VectorTileSource>(SOURCE)
        ?.setTiles([tileUrl(version.current, filtersRef.current)])
    }
    refresh()
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') refresh()
    })
    const offLive = onLiveEvent((event) => {
      if (event.type === 'registry.changed' && event.entity === 'hazard_source') refresh()
    })
    return () => {
      offMutations()
      offLive()
    }
  }, [map, queryClient, signedIn, filters])
}

/** Distinct sources in view; a cluster counts as the sources it holds. */
function countInView(map: MapLibreMap): number {
  const layers = [ids.points, ids.clusters].filter((id) => map.getLayer(id))
  if (layers.length === 0) return 0
  const seen = new Set<string>()
  let count = 0
  for (const f of map.queryRenderedFeatures({ layers })) {
    const p = f.properties
    // A cluster spans one tile only (the server groups on a grid aligned to tiles).
    const key = typeof p.id === 'string' ? p.id : `${f.geometry.type}:${JSON.stringify(f.geometry)}`
    if (seen.has(key)) continue
    seen.add(key)
    count += Number(p.point_count ?? 1) || 1
  }
  return count
}

/** The overview half of the hazard-sources layer; hazard-sources-layer.ts composes both. */
export const hazardSourceTiles: Pick<
  MapLayerDefinition,
  'hitLayerIds' | 'useBinding' | 'countInView' | 'panelFor' | 'featureFor'
> = {
  hitLayerIds: [ids.points, ids.clusters],
  useBinding: useHazardSourcesTilesBinding,
  countInView,
  panelFor: (feature) => {
    const id: unknown = feature.properties.id
    return typeof id === 'string' && Number(feature.properties.point_count ?? 1) <= 1
      ? { kind: 'hazard-source', id }
      : null
  },
  featureFor: (content) =>
    content.kind === 'hazard-source'
      ? { source: SOURCE, sourceLayer: SOURCE_LAYER, id: content.id }
      : null,
}
