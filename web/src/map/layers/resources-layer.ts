import type { LayerSpecification } from 'maplibre-gl'
import type { ResourceFeatureProperties } from '../../../../server/routes/resources/resources.schemas.ts'
import { useSignedIn } from '../../api/auth.ts'
import { useLayerListParams } from '../../filters/list-params.ts'
import { useResourcesInBbox } from '../../api/resources.ts'
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
 * 应急资源: a disc per resource with one character for its kind (队 库 装 专 避 医), drawn
 * with the basemap's own glyphs. Dispatched resources get a dark ring, out-of-service ones
 * fade. Greens, slate and plum: the four grade colours stay reserved.
 */

type ResourceKind = ResourceFeatureProperties['kind']

export const resourceKindStyle: Record<ResourceKind, { glyph: string; colour: string }> = {
  team: { glyph: '队', colour: '#1d6b66' },
  warehouse: { glyph: '库', colour: '#5b6b2f' },
  equipment: { glyph: '装', colour: '#4d5b66' },
  expert: { glyph: '专', colour: '#6b4f8a' },
  shelter: { glyph: '避', colour: '#2f7d4f' },
  medical: { glyph: '医', colour: '#7a3b63' },
}

const kinds = Object.keys(resourceKindStyle) as ResourceKind[]
const SOURCE = 'resources'
const ids = { discs: 'resources-discs', glyphs: 'resources-glyphs' }

const byKind = (pick: 'glyph' | 'colour', fallback: string) =>
  [
    'match',
    ['get', 'kind'],
    ...kinds.flatMap((k) => [k, resourceKindStyle[k][pick]]),
    fallback,
  ] as unknown as string

const dispatched = ['==', ['get', 'status'], 'dispatched']
const outOfService = ['==', ['get', 'status'], 'out_of_service']

const spec: PointSourceSpec = {
  source: SOURCE,
  rank: 20,
  layers: (textFont): LayerSpecification[] => [
    {
      id: ids.discs,
      type: 'circle',
      source: SOURCE,
      minzoom: 7,
      paint: {
        'circle-color': byKind('colour', '#4d5b66'),
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          7,
          6,
          10,
          9,
          13,
          11,
        ] as unknown as number,
        'circle-opacity': ['case', outOfService, 0.35, 1] as unknown as number,
        'circle-stroke-color': [
          'case',
          highlighted,
          HIGHLIGHT,
          dispatched,
          '#111111',
          '#ffffff',
        ] as unknown as string,
        'circle-stroke-width': ['case', highlighted, 3, dispatched, 2.5, 1.2] as unknown as number,
      },
    },
    {
      id: ids.glyphs,
      type: 'symbol',
      source: SOURCE,
      minzoom: 8.5,
      layout: {
        'text-field': byKind('glyph', '?'),
        'text-font': textFont,
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          8.5,
          10,
          10,
          12,
          13,
          14,
        ] as unknown as number,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': '#ffffff',
        'text-opacity': ['case', outOfService, 0.6, 1] as unknown as number,
      },
    },
  ],
}

function useResourcesBinding(context: LayerBindingContext) {
  const { map, visible } = context
  const signedIn = useSignedIn()
  const zoom = useMapZoom(map)
  const bbox = useViewportBbox(map)
  const { data } = useResourcesInBbox(bbox, {
    params: useLayerListParams('resources'),
    enabled: visible && zoom >= resourcesLayer.minzoom - 0.5,
  })
  usePointSource(spec, context, signedIn ? data : undefined, visible && signedIn)
}

export const resourcesLayer: MapLayerDefinition = {
  id: 'resources',
  labelKey: 'layers.resources',
  minzoom: 7,
  swatch: { shape: 'point', stroke: '#ffffff', fill: resourceKindStyle.team.colour },
  defaultVisible: true,
  requiresSignIn: true,
  hitLayerIds: [ids.discs],
  pickPriority: 80,
  useBinding: useResourcesBinding,
  countInView: (map) => countPoints(map, [ids.discs]),
  panelFor: (feature) => {
    const id: unknown = feature.properties.id
    return typeof id === 'string' ? { kind: 'resource', id } : null
  },
  featureFor: (content) =>
    content.kind === 'resource' ? { source: SOURCE, id: content.id } : null,
}
