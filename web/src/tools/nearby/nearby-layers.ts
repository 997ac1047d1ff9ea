import { circle, point } from '@turf/turf'
import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import type { LngLat } from '../measure/measure-math.ts'

/* The circle searched, drawn as a geodesic ring (turf) with its centre: slate tool ink. */

const SOURCE = 'nearby'
const INK = '#0f3942'

export function ensureNearbyLayers(map: MapLibreMap) {
  if (map.getSource(SOURCE)) return
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
  map.addLayer({
    id: 'nearby-fill',
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': INK, 'fill-opacity': 0.06 },
  })
  map.addLayer({
    id: 'nearby-ring',
    type: 'line',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': INK, 'line-width': 2, 'line-dasharray': [3, 2] },
  })
  map.addLayer({
    id: 'nearby-center',
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 5,
      'circle-color': INK,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  })
}

export function nearbyFeatures(center: LngLat | null, radiusKm: number): FeatureCollection {
  if (!center) return { type: 'FeatureCollection', features: [] }
  return {
    type: 'FeatureCollection',
    features: [circle(center, radiusKm, { steps: 128, units: 'kilometers' }), point(center)],
  }
}

export function setNearbyData(map: MapLibreMap, data: FeatureCollection) {
  map.getSource<GeoJSONSource>(SOURCE)?.setData(data)
}
