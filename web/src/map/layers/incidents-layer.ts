import { useEffect, useMemo } from 'react'
import {
  Marker,
  type GeoJSONSource,
  type LayerSpecification,
  type Map as MapLibreMap,
} from 'maplibre-gl'
import type { FeatureCollection, Point } from 'geojson'
import { useSignedIn } from '../../api/auth.ts'
import { accidentGradeColour, accidentGradeList } from '../../incidents/incident-enums.ts'
import { useOpenIncidents } from '../../incidents/incidents-api.ts'
import { useLive, type Flash } from '../../live/live-store.ts'
import type { LayerBindingContext, MapLayerDefinition } from './layer-types.ts'
import {
  countPoints,
  HIGHLIGHT,
  highlighted,
  interpolateZoom,
  usePointSource,
  type PointSourceSpec,
} from './registry-points.ts'

/*
 * 事故 (open incidents): a disc per incident in its accident grade's emergency colour
 * (特别重大 red … 一般 blue) with a dark ring, above every registry layer. An exercise (演练,
 * shown only when the filter asks) is paler, with a thick violet ring and a white inner ring. A newly reported
 * incident pulses for a few seconds (a ring on a second source fed by the live stream, so it
 * shows even before the list has been refetched, and an animated DOM ring over it).
 */

const SOURCE = 'incidents'
const FLASH_SOURCE = 'incidents-flash'
const ids = { discs: 'incidents-points', exercise: 'incidents-exercise', flash: 'incidents-flash' }

/** 演练 violet: used for nothing else, so an exercise symbol is never read as a grade. */
export const EXERCISE_INK = '#6d28d9'
const isExercise = ['==', ['get', 'exercise'], true]

const byGrade = [
  'match',
  ['get', 'grade'],
  ...accidentGradeList.flatMap((g) => [g, accidentGradeColour[g].hex]),
  '#1D64D8',
] as unknown as string

const spec: PointSourceSpec = {
  source: SOURCE,
  rank: 60,
  layers: (): LayerSpecification[] => [
    {
      id: ids.discs,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-color': byGrade,
        'circle-radius': interpolateZoom([
          [4, 6],
          [9, 9],
          [13, 12],
        ]),
        'circle-stroke-color': [
          'case',
          highlighted,
          HIGHLIGHT,
          isExercise,
          EXERCISE_INK,
          '#111111',
        ] as unknown as string,
        'circle-stroke-width': ['case', highlighted, 3.5, isExercise, 4, 2.5] as unknown as number,
        // An exercise is paler: it must never be taken for a real incident at a glance.
        'circle-opacity': ['case', isExercise, 0.55, 1] as unknown as number,
      },
    },
    {
      // 演: a white ring inside the violet one, so the mark holds in any grade colour.
      id: ids.exercise,
      type: 'circle',
      source: SOURCE,
      filter: isExercise as unknown as boolean,
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': interpolateZoom([
          [4, 3],
          [9, 5],
          [13, 7],
        ]),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ],
}

const flashCollection = (flashes: Flash[]): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: flashes.map((f) => ({
    type: 'Feature',
    id: f.id,
    geometry: { type: 'Point', coordinates: f.location },
    properties: { id: f.id, grade: f.grade },
  })),
})

/**
 * The pulse: a static ring on the map (what hit tests and tests see) plus a CSS-animated DOM
 * ring over it. Animating map paint properties every frame would keep the map from ever
 * going idle, and the legend recounts on idle: the new incident would not be counted until
 * the flash ended or the map moved.
 */
function useFlash(map: MapLibreMap, shown: boolean) {
  const flashes = useLive((s) => s.flashes)
  const data = useMemo(() => flashCollection(flashes), [flashes])
  useEffect(() => {
    if (!map.getSource(FLASH_SOURCE)) {
      map.addSource(FLASH_SOURCE, { type: 'geojson', data })
      map.addLayer({
        id: ids.flash,
        type: 'circle',
        source: FLASH_SOURCE,
        paint: {
          'circle-color': byGrade,
          'circle-opacity': 0.25,
          'circle-radius': 18,
          'circle-stroke-color': byGrade,
          'circle-stroke-width': 2,
        },
      })
    } else map.getSource<GeoJSONSource>(FLASH_SOURCE)?.setData(data)
    map.setLayoutProperty(ids.flash, 'visibility', shown ? 'visible' : 'none')
  }, [map, data, shown])
  useEffect(() => {
    if (!shown) return
    const markers = flashes.map((f) => {
      const element = document.createElement('div')
      element.className = 'incident-pulse'
      element.setAttribute('aria-hidden', 'true')
      const colour = (accidentGradeColour as Record<string, { hex: string } | undefined>)[f.grade]
      element.style.setProperty('--pulse-colour', colour?.hex ?? '#1D64D8')
      // The marker positions the outer element with a transform; the ring inside animates.
      element.appendChild(document.createElement('span'))
      return new Marker({ element }).setLngLat(f.location).addTo(map)
    })
    return () => markers.forEach((m) => m.remove())
  }, [map, flashes, shown])
}

function useIncidentsBinding(context: LayerBindingContext) {
  const { map, visible } = context
  const signedIn = useSignedIn()
  const { data } = useOpenIncidents()
  usePointSource(spec, context, signedIn ? data : undefined, visible && signedIn)
  useFlash(map, visible && signedIn)
}

export const incidentsLayer: MapLayerDefinition = {
  id: 'incidents',
  labelKey: 'layers.incidents',
  minzoom: 0,
  swatch: {
    shape: 'point',
    stroke: '#111111',
    fills: accidentGradeList.map((g) => accidentGradeColour[g].hex),
  },
  defaultVisible: true,
  requiresSignIn: true,
  hitLayerIds: [ids.discs],
  pickPriority: 110,
  useBinding: useIncidentsBinding,
  countInView: (map) => countPoints(map, [ids.discs]),
  panelFor: (feature) => {
    const id: unknown = feature.properties.id
    return typeof id === 'string' ? { kind: 'incident', id } : null
  },
  featureFor: (content) =>
    content.kind === 'incident' ? { source: SOURCE, id: content.id } : null,
}
