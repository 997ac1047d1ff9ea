import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import type { Feature, FeatureCollection } from 'geojson'
import type { LngLat, MeasureMode } from './measure-math.ts'

/*
 * The measurement on the map: one GeoJSON source holding the line (or ring), its vertices
 * and the rubber band to the pointer. Tool ink is slate, never one of the four hazard colours.
 */

const SOURCE = 'measure'
const INK = '#0f3942'

export function ensureMeasureLayers(map: MapLibreMap) {
  if (map.getSource(SOURCE)) return
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
  map.addLayer({
    id: 'measure-fill',
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': INK, 'fill-opacity': 0.12 },
  })
  map.addLayer({
    id: 'measure-line',
    type: 'line',
    source: SOURCE,
    filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]],
    paint: {
      'line-color': INK,
      'line-width': 2.5,
      'line-dasharray': [
        'case',
        ['==', ['get', 'part'], 'rubber'],
        ['literal', [2, 2]],
        ['literal', [1, 0]],
      ],
    },
  })
  map.addLayer({
    id: 'measure-vertices',
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 4.5,
      'circle-color': '#ffffff',
      'circle-stroke-color': INK,
      'circle-stroke-width': 2,
    },
  })
}

export function measureFeatures(
  mode: MeasureMode,
  points: readonly LngLat[],
  cursor: LngLat | null,
): FeatureCollection {
  const features: Feature[] = points.map((p) => ({
    type: 'Feature',
    properties: { part: 'vertex' },
    geometry: { type: 'Point', coordinates: [...p] },
  }))
  const drawn = points.map((p) => [...p])
  if (mode === 'area' && points.length >= 3) {
    features.unshift({
      type: 'Feature',
      properties: { part: 'shape' },
      geometry: { type: 'Polygon', coordinates: [[...drawn, drawn[0]!]] },
    })
  } else if (points.length >= 2) {
    features.unshift({
      type: 'Feature',
      properties: { part: 'shape' },
      geometry: { type: 'LineString', coordinates: drawn },
    })
  }
  if (cursor && points.length > 0) {
    const last = points[points.length - 1]!
    const band = mode === 'area' && points.length >= 2 ? [last, cursor, points[0]!] : [last, cursor]
    features.push({
      type: 'Feature',
      properties: { part: 'rubber' },
      geometry: { type: 'LineString', coordinates: band.map((p) => [...p]) },
    })
  }
  return { type: 'FeatureCollection', features }
}

export function setMeasureData(map: MapLibreMap, data: FeatureCollection) {
  map.getSource<GeoJSONSource>(SOURCE)?.setData(data)
}
