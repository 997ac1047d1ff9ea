import { useEffect } from 'react'
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl'
import type { FeatureCollection } from 'geojson'
import { getJson } from '../api/http.ts'
import { useMapContext } from '../map/map-context.ts'
import { takeClick } from '../tools/active-tool.ts'
import { circleRing } from '../../../server/domain/alerts/cap-model.ts'
import { drawnPolygon, useAlertDraw, type LngLat } from './draw-store.ts'

const SOURCE = 'alert-draw'

function drawing(points: LngLat[], mode: string | null, radiusM: number | null): FeatureCollection {
  if (mode === 'regions') return { type: 'FeatureCollection', features: [] }
  const features: FeatureCollection['features'] = points.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: p },
    properties: {},
  }))
  const polygon =
    mode === 'circle' && points[0] && radiusM
      ? [[circleRing(points[0], radiusM)]]
      : mode === 'polygon'
        ? drawnPolygon(points)
        : null
  if (polygon) {
    features.push({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: polygon },
      properties: {},
    })
  } else if (mode === 'polygon' && points.length === 2) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: points },
      properties: {},
    })
  }
  return { type: 'FeatureCollection', features }
}

/** Most specific first: the region level the user sees under the pointer. */
const regionFills = ['regions-county-fill', 'regions-city-fill', 'regions-province-fill']

/** The region clicked: the most specific one drawn there, else the county at the point. */
async function regionAt(map: MapLibreMap, e: MapMouseEvent): Promise<string | null> {
  const layers = regionFills.filter((id) => map.getLayer(id))
  const features = layers.length ? map.queryRenderedFeatures(e.point, { layers }) : []
  for (const id of regionFills) {
    const code = features.find((f) => f.layer.id === id)?.properties.code as unknown
    if (typeof code === 'string') return code
  }
  const { lng, lat } = e.lngLat
  const d = 1e-5
  const fc = await getJson<{ features: { id: string }[] }>('/api/regions', {
    query: { level: 'county', zoom: 4, bbox: [lng - d, lat - d, lng + d, lat + d].join(',') },
  })
  return fc.features[0]?.id ?? null
}

/** Draws the alert area being issued: clicks add polygon vertices, or set a circle's centre and edge. */
export function AlertDrawTool() {
  const { map } = useMapContext()
  const mode = useAlertDraw((s) => s.mode)
  const points = useAlertDraw((s) => s.points)
  const radiusM = useAlertDraw((s) => s.radiusM)

  useEffect(() => {
    if (!map.getSource(SOURCE)) {
      map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
      map.addLayer({
        id: 'alert-draw-fill',
        type: 'fill',
        source: SOURCE,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#0f3942', 'fill-opacity': 0.15 },
      })
      map.addLayer({
        id: 'alert-draw-line',
        type: 'line',
        source: SOURCE,
        filter: ['!=', ['geometry-type'], 'Point'],
        paint: { 'line-color': '#0f3942', 'line-width': 2, 'line-dasharray': [2, 1] },
      })
      map.addLayer({
        id: 'alert-draw-points',
        type: 'circle',
        source: SOURCE,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': 4,
          'circle-color': '#ffffff',
          'circle-stroke-color': '#0f3942',
          'circle-stroke-width': 2,
        },
      })
    }
    map.getSource<GeoJSONSource>(SOURCE)?.setData(drawing(points, mode, radiusM))
  }, [map, points, mode, radiusM])

  useEffect(() => {
    if (!mode) return
    const canvas = map.getCanvas()
    canvas.classList.add('measure-cursor')
    const onClick = (e: MapMouseEvent) => {
      takeClick(e.originalEvent)
      if (mode === 'regions') {
        void regionAt(map, e).then((code) => code && useAlertDraw.getState().addRegion(code))
      } else useAlertDraw.getState().add([e.lngLat.lng, e.lngLat.lat])
    }
    map.on('click', onClick)
    return () => {
      map.off('click', onClick)
      canvas.classList.remove('measure-cursor')
    }
  }, [map, mode])

  return null
}
