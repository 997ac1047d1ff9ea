import { useEffect, useMemo } from 'react'
import { useQueries } from '@tanstack/react-query'
import type { GeoJSONSource } from 'maplibre-gl'
import type { FeatureCollection, LineString } from 'geojson'
import { useSignedIn } from '../../api/auth.ts'
import { incidentQuery, useOpenIncidents } from '../../incidents/incidents-api.ts'
import type { LayerBindingContext, MapLayerDefinition } from './layer-types.ts'
import { countRendered } from './layer-types.ts'

/*
 * 调度连线: a straight line from each open incident to every resource dispatched to it and
 * not withdrawn (no road network is loaded, so the line is what the ETA assumes, not a route).
 * Dashed; thicker once the resource is on scene. Teal-black ink: the four grade
 * colours stay reserved.
 */

const SOURCE = 'dispatch-lines'
const LINE = 'dispatch-lines'
/** Lines are drawn for the newest open incidents; each is one detail request. */
const MAX_INCIDENTS = 30

function useDispatchLinesBinding({ map, visible, beforeLabels }: LayerBindingContext) {
  const signedIn = useSignedIn()
  const open = useOpenIncidents().data
  const incidentIds = useMemo(
    () => (open?.features ?? []).slice(0, MAX_INCIDENTS).map((f) => String(f.id)),
    [open],
  )
  const details = useQueries({
    queries: incidentIds.map((id) => ({ ...incidentQuery(id), enabled: signedIn && visible })),
  })
  const stamp = details.map((d) => d.dataUpdatedAt).join(',')
  const data = useMemo<FeatureCollection<LineString>>(() => {
    const features: FeatureCollection<LineString>['features'] = []
    for (const { data: incident } of details) {
      if (!incident) continue
      for (const d of incident.dispatches) {
        if (d.status === 'withdrawn') continue
        features.push({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [incident.location, d.location] },
          properties: { id: d.id, incidentId: incident.id, status: d.status },
        })
      }
    }
    return { type: 'FeatureCollection', features }
    // `stamp` changes exactly when one of the details does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stamp])

  useEffect(() => {
    if (!map.getSource(SOURCE)) {
      map.addSource(SOURCE, { type: 'geojson', data })
      map.addLayer(
        {
          id: LINE,
          type: 'line',
          source: SOURCE,
          layout: { 'line-cap': 'round' },
          paint: {
            'line-color': '#0f3942',
            'line-width': [
              'case',
              ['==', ['get', 'status'], 'on_scene'],
              3.5,
              2,
            ] as unknown as number,
            'line-dasharray': [2, 1.5],
          },
        },
        beforeLabels,
      )
    } else map.getSource<GeoJSONSource>(SOURCE)?.setData(data)
    map.setLayoutProperty(LINE, 'visibility', visible && signedIn ? 'visible' : 'none')
  }, [map, data, visible, signedIn, beforeLabels])
}

export const dispatchLinesLayer: MapLayerDefinition = {
  id: 'dispatch-lines',
  labelKey: 'layers.dispatchLines',
  minzoom: 0,
  swatch: { shape: 'line', stroke: '#0f3942', dashed: true },
  defaultVisible: true,
  requiresSignIn: true,
  hitLayerIds: [LINE],
  pickPriority: 50,
  useBinding: useDispatchLinesBinding,
  countInView: (map) => countRendered(map, [LINE], 'id'),
  panelFor: (feature) => {
    const id: unknown = feature.properties.incidentId
    return typeof id === 'string' ? { kind: 'incident', id } : null
  },
}
