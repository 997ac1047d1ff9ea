import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import type { HazardGrade } from '../../../../server/domain/gb18218-tables.ts'
import { hazardGradeStyle } from '../../../../server/domain/risk-level.ts'
import { useSignedIn } from '../../api/auth.ts'
import { useLayerListParams } from '../../filters/list-params.ts'
import { useHazardSourcesInBbox } from '../../api/hazard-sources.ts'
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
 * 重大危险源: circles in the national four colours by grade (一级 red … 四级 blue, from the
 * shared palette), grey below S = 1 (no grade), sized by R. Clustered at low zoom; a cluster
 * takes the colour of the worst grade it holds.
 */

const SOURCE = 'hazard-sources'
const ids = {
  clusters: 'hazard-sources-clusters',
  clusterCount: 'hazard-sources-cluster-count',
  points: 'hazard-sources-points',
  gradeLabel: 'hazard-sources-grade',
}

const grades: readonly HazardGrade[] = ['一级', '二级', '三级', '四级']
/** S < 1: not a major hazard source, no grade. Grey, outside the four colours. */
const UNGRADED = { hex: '#98a3a8', strokeHex: '#56636a', textHex: '#ffffff' }
const UNGRADED_RANK = 5

const rankOfGrade = [
  'match',
  ['get', 'grade'],
  ...grades.flatMap((g, i) => [g, i + 1]),
  UNGRADED_RANK,
] as unknown as ExpressionSpecification

const byGrade = (pick: (style: { hex: string; strokeHex: string; textHex: string }) => string) =>
  [
    'match',
    ['get', 'grade'],
    ...grades.flatMap((g) => [g, pick(hazardGradeStyle(g))]),
    pick(UNGRADED),
  ] as unknown as string

const byWorst = (pick: (style: { hex: string; strokeHex: string; textHex: string }) => string) =>
  [
    'match',
    ['get', 'worst'],
    ...grades.flatMap((g, i) => [i + 1, pick(hazardGradeStyle(g))]),
    pick(UNGRADED),
  ] as unknown as string

/** From zoom 9 (a city and its neighbours) every source is drawn on its own. */
const CLUSTER_MAX_ZOOM = 8

const spec: PointSourceSpec = {
  source: SOURCE,
  rank: 40,
  options: {
    cluster: true,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    clusterRadius: 42,
    clusterProperties: { worst: ['min', rankOfGrade] },
  },
  layers: (textFont): LayerSpecification[] => [
    {
      id: ids.clusters,
      type: 'circle',
      source: SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': byWorst((s) => s.hex),
        'circle-opacity': 0.9,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 16, 50, 20, 200, 25],
        'circle-stroke-color': byWorst((s) => s.strokeHex),
        'circle-stroke-width': ['case', highlighted, 3, 1.5] as unknown as number,
      },
    },
    {
      id: ids.clusterCount,
      type: 'symbol',
      source: SOURCE,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
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
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': byGrade((s) => s.hex),
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['get', 'r'],
          0,
          4.5,
          10,
          6,
          50,
          8,
          100,
          10,
          400,
          13,
        ] as unknown as number,
        'circle-stroke-color': [
          'case',
          highlighted,
          HIGHLIGHT,
          byGrade((s) => s.strokeHex),
        ] as unknown as string,
        'circle-stroke-width': ['case', highlighted, 3, 1.2] as unknown as number,
      },
    },
    {
      // The grade in words beside each mark: colour is never the only carrier.
      id: ids.gradeLabel,
      type: 'symbol',
      source: SOURCE,
      minzoom: 9,
      filter: [
        'all',
        ['!', ['has', 'point_count']],
        ['has', 'grade'],
        ['!=', ['get', 'grade'], null],
      ],
      layout: {
        'text-field': ['get', 'grade'],
        'text-font': textFont,
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [1.1, 0],
        'text-optional': true,
      },
      paint: {
        'text-color': '#1e2a30',
        'text-halo-color': 'rgba(255, 255, 255, 0.9)',
        'text-halo-width': 1.4,
      },
    },
  ],
}

function useHazardSourcesBinding(context: LayerBindingContext) {
  const { map, visible } = context
  const signedIn = useSignedIn()
  const zoom = useMapZoom(map)
  const bbox = useViewportBbox(map)
  const { data } = useHazardSourcesInBbox(bbox, {
    params: useLayerListParams('hazard-sources'),
    enabled: visible && zoom >= layer.minzoom,
  })
  usePointSource(spec, context, signedIn ? data : undefined, visible && signedIn)
}

const layer: MapLayerDefinition = {
  id: 'hazard-sources',
  labelKey: 'layers.hazardSources',
  minzoom: 0,
  swatch: {
    shape: 'point',
    stroke: hazardGradeStyle('一级').strokeHex,
    fill: hazardGradeStyle('一级').hex,
    fills: grades.map((g) => hazardGradeStyle(g).hex),
  },
  defaultVisible: true,
  requiresSignIn: true,
  hitLayerIds: [ids.points, ids.clusters],
  pickPriority: 100,
  useBinding: useHazardSourcesBinding,
  countInView: (map) => countPoints(map, [ids.points, ids.clusters]),
  panelFor: (feature) => {
    const id: unknown = feature.properties.id
    return !feature.properties.cluster && typeof id === 'string'
      ? { kind: 'hazard-source', id }
      : null
  },
  featureFor: (content) =>
    content.kind === 'hazard-source' ? { source: SOURCE, id: content.id } : null,
}

export const hazardSourcesLayer = layer
