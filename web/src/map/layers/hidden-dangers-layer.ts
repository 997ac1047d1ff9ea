import type { LayerSpecification } from 'maplibre-gl'
import { useSignedIn } from '../../api/auth.ts'
import { useLayerListParams } from '../../filters/list-params.ts'
import { useHiddenDangersInBbox } from '../../api/hidden-dangers.ts'
import { useMapZoom } from '../map-context.ts'
import type { LayerBindingContext, MapLayerDefinition } from './layer-types.ts'
import {
  countPoints,
  HIGHLIGHT,
  highlighted,
  usePointSource,
  useViewportBbox,
  type PointSourceSpec,
} from './registry-points.ts'

/*
 * 事故隐患: major dangers as larger filled marks, general ones as small rings; an overdue
 * danger gets a dark outer ring. Brown and black, never the four grade colours. Closed and
 * verified dangers fade.
 */

const SOURCE = 'hidden-dangers'
const ids = { points: 'hidden-dangers-points' }

const FILL = '#6d4c41'
const RING = '#3e2723'
const OVERDUE = '#111111'

const isMajor = ['==', ['get', 'severity'], 'major']
const isOverdue = ['==', ['get', 'overdue'], true]
const isDone = ['in', ['get', 'status'], ['literal', ['verified', 'closed']]]

const spec: PointSourceSpec = {
  source: SOURCE,
  rank: 30,
  layers: (): LayerSpecification[] => [
    {
      id: ids.points,
      type: 'circle',
      source: SOURCE,
      minzoom: 8,
      paint: {
        'circle-color': ['case', isMajor, FILL, '#ffffff'] as unknown as string,
        'circle-radius': ['case', isMajor, 6.5, 4] as unknown as number,
        'circle-stroke-color': [
          'case',
          highlighted,
          HIGHLIGHT,
          isOverdue,
          OVERDUE,
          isMajor,
          '#ffffff',
          RING,
        ] as unknown as string,
        'circle-stroke-width': [
          'case',
          highlighted,
          3,
          isOverdue,
          2.6,
          isMajor,
          1.2,
          1.8,
        ] as unknown as number,
        'circle-opacity': ['case', isDone, 0.45, 1] as unknown as number,
        'circle-stroke-opacity': ['case', isDone, 0.45, 1] as unknown as number,
      },
    },
  ],
}

function useHiddenDangersBinding(context: LayerBindingContext) {
  const { map, visible } = context
  const signedIn = useSignedIn()
  const zoom = useMapZoom(map)
  const bbox = useViewportBbox(map)
  const { data } = useHiddenDangersInBbox(bbox, {
    params: useLayerListParams('hidden-dangers'),
    enabled: visible && zoom >= hiddenDangersLayer.minzoom - 0.5,
  })
  usePointSource(spec, context, signedIn ? data : undefined, visible && signedIn)
}

export const hiddenDangersLayer: MapLayerDefinition = {
  id: 'hidden-dangers',
  labelKey: 'layers.hiddenDangers',
  minzoom: 8,
  swatch: { shape: 'point', stroke: OVERDUE, fill: FILL },
  defaultVisible: true,
  requiresSignIn: true,
  hitLayerIds: [ids.points],
  pickPriority: 90,
  useBinding: useHiddenDangersBinding,
  countInView: (map) => countPoints(map, [ids.points]),
  panelFor: (feature) => {
    const id: unknown = feature.properties.id
    return typeof id === 'string' ? { kind: 'hidden-danger', id } : null
  },
  featureFor: (content) =>
    content.kind === 'hidden-danger' ? { source: SOURCE, id: content.id } : null,
}
