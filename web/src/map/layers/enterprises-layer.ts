import type { LayerSpecification } from 'maplibre-gl'
import type { EnterpriseFeatureProperties } from '../../../../server/routes/enterprises/enterprises.schemas.ts'
import { useSignedIn } from '../../api/auth.ts'
import { useLayerListParams } from '../../filters/list-params.ts'
import { useEnterprisesInBbox } from '../../api/enterprises.ts'
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

/* 企业: small neutral dots, a muted tone per industry, from zoom 9. */

type Industry = EnterpriseFeatureProperties['industry']

const industryColour: Record<Industry, string> = {
  煤矿: '#3b3f42',
  非煤矿山: '#6d5d4b',
  危险化学品: '#5e4a6e',
  烟花爆竹: '#7d5a50',
  冶金工贸: '#4d5b66',
  其他: '#8a969b',
}

const SOURCE = 'enterprises'
const ids = { dots: 'enterprises-dots' }
const MINZOOM = 9

const spec: PointSourceSpec = {
  source: SOURCE,
  rank: 10,
  layers: (): LayerSpecification[] => [
    {
      id: ids.dots,
      type: 'circle',
      source: SOURCE,
      minzoom: MINZOOM,
      paint: {
        'circle-color': [
          'match',
          ['get', 'industry'],
          ...Object.entries(industryColour).flat(),
          '#8a969b',
        ] as unknown as string,
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          2.5,
          12,
          4,
          15,
          6,
        ] as unknown as number,
        'circle-stroke-color': ['case', highlighted, HIGHLIGHT, '#ffffff'] as unknown as string,
        'circle-stroke-width': ['case', highlighted, 2.5, 0.8] as unknown as number,
      },
    },
  ],
}

function useEnterprisesBinding(context: LayerBindingContext) {
  const { map, visible } = context
  const signedIn = useSignedIn()
  const zoom = useMapZoom(map)
  const bbox = useViewportBbox(map)
  const { data } = useEnterprisesInBbox(bbox, {
    params: useLayerListParams('enterprises'),
    enabled: visible && zoom >= MINZOOM - 0.5,
  })
  usePointSource(spec, context, signedIn ? data : undefined, visible && signedIn)
}

export const enterprisesLayer: MapLayerDefinition = {
  id: 'enterprises',
  labelKey: 'layers.enterprises',
  minzoom: MINZOOM,
  swatch: { shape: 'point', stroke: '#ffffff', fill: industryColour.煤矿 },
  defaultVisible: true,
  requiresSignIn: true,
  hitLayerIds: [ids.dots],
  pickPriority: 60,
  useBinding: useEnterprisesBinding,
  countInView: (map) => countPoints(map, [ids.dots]),
  panelFor: (feature) => {
    const id: unknown = feature.properties.id
    return typeof id === 'string' ? { kind: 'enterprise', id } : null
  },
  featureFor: (content) =>
    content.kind === 'enterprise' ? { source: SOURCE, id: content.id } : null,
}
