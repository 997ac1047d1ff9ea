import type { LayerSpecification } from 'maplibre-gl'
import { hazardGradeStyle } from '../../../../server/domain/risk/risk-level.ts'
import { useSignedIn } from '../../api/auth.ts'
import { useHazardSourcesInBbox } from '../../api/hazard-sources.ts'
import { useLayerListParams } from '../../filters/list-params.ts'
import { useMapZoom } from '../map-context.ts'
import { gradeLabelStyle, hazardGrades, hazardPointPaint } from './hazard-source-style.ts'
import { DETAIL_ZOOM, hazardSourceTiles } from './hazard-sources-tiles-layer.ts'
import type { LayerBindingContext, MapLayerDefinition } from './layer-types.ts'
import {
  countPoints,
  usePointSource,
  useViewportBbox,
  type PointSourceSpec,
} from './registry-points.ts'

/*
 * 重大危险源: circles in the national four colours by grade (一级 red … 四级 blue, from the
 * shared palette), grey below S = 1 (no grade), sized by R.
 *
 * Two halves, chosen by measurement (npm run bench, front end at 50,000 sources): below
 * DETAIL_ZOOM the server's vector tiles, clustered per tile with the worst grade
 * (hazard-sources-tiles-layer.ts); from DETAIL_ZOOM the viewport's GeoJSON list drawn here,
 * whose query cache is what field edits update optimistically. A city view holds a few
 * thousand sources at most; a province view as one list truncated and stalled.
 */

const SOURCE = 'hazard-sources'
const ids = {
  points: 'hazard-sources-points',
  gradeLabel: 'hazard-sources-grade',
}

const spec: PointSourceSpec = {
  source: SOURCE,
  rank: 40,
  layers: (textFont): LayerSpecification[] => [
    {
      id: ids.points,
      type: 'circle',
      source: SOURCE,
      minzoom: DETAIL_ZOOM,
      paint: hazardPointPaint,
    },
    {
      // The grade in words beside each mark: colour is never the only carrier.
      id: ids.gradeLabel,
      type: 'symbol',
      source: SOURCE,
      minzoom: DETAIL_ZOOM,
      filter: ['all', ['has', 'grade'], ['!=', ['get', 'grade'], null]],
      ...gradeLabelStyle(textFont),
    },
  ],
}

function useHazardSourcesDetailBinding(context: LayerBindingContext) {
  const { map, visible } = context
  const signedIn = useSignedIn()
  const zoom = useMapZoom(map)
  const bbox = useViewportBbox(map)
  const { data } = useHazardSourcesInBbox(bbox, {
    params: useLayerListParams('hazard-sources'),
    enabled: visible && zoom >= DETAIL_ZOOM,
  })
  usePointSource(spec, context, signedIn ? data : undefined, visible && signedIn)
}

export const hazardSourcesLayer: MapLayerDefinition = {
  id: 'hazard-sources',
  labelKey: 'layers.hazardSources',
  minzoom: 0,
  swatch: {
    shape: 'point',
    stroke: hazardGradeStyle('一级').strokeHex,
    fill: hazardGradeStyle('一级').hex,
    fills: hazardGrades.map((g) => hazardGradeStyle(g).hex),
  },
  defaultVisible: true,
  requiresSignIn: true,
  hitLayerIds: [ids.points, ...hazardSourceTiles.hitLayerIds],
  pickPriority: 100,
  // Both halves are bound for the map's lifetime, in a fixed order (hooks).
  useBinding: (context) => {
    hazardSourceTiles.useBinding(context)
    useHazardSourcesDetailBinding(context)
  },
  countInView: (map) =>
    map.getZoom() >= DETAIL_ZOOM
      ? countPoints(map, [ids.points])
      : hazardSourceTiles.countInView(map),
  panelFor: (feature) => {
    if (feature.source !== SOURCE) return hazardSourceTiles.panelFor?.(feature) ?? null
    const id: unknown = feature.properties.id
    return typeof id === 'string' ? { kind: 'hazard-source', id } : null
  },
  // Selection marks the detail feature; at overview zoom a tile feature is a cluster or a
  // single source whose panel is open anyway.
  featureFor: (content) =>
    content.kind === 'hazard-source' ? { source: SOURCE, id: content.id } : null,
}
