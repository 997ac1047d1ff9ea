import { useEffect, useMemo } from 'react'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import type { Feature, FeatureCollection } from 'geojson'
import { accidentGradeColour, accidentGradeList } from '../../incidents/incident-enums.ts'
import { EXERCISE_INK } from '../../map/layers/incidents-layer.ts'
import type { DrillReplay } from '../drills-api.ts'
import type { ReplayFrame } from '../replay-frame.ts'

/*
 * 演练回放: the drill incident's marker (in its grade colour at that moment, ringed in 演练
 * violet), the dispatch lines live at that moment (dashed, thicker on scene) and the resources
 * at their ends. One source, three style layers, added once and fed with setData; hidden when
 * no replay is open.
 */

const SOURCE = 'drill-replay'
export const replayLayerIds = {
  lines: 'drill-replay-lines',
  resources: 'drill-replay-resources',
  incident: 'drill-replay-incident',
}

const byGrade = [
  'match',
  ['get', 'grade'],
  ...accidentGradeList.flatMap((g) => [g, accidentGradeColour[g].hex]),
  '#1D64D8',
] as unknown as string

function frameFeatures(replay: DrillReplay | null, frame: ReplayFrame | null): FeatureCollection {
  const features: Feature[] = []
  if (replay && frame?.started) {
    for (const d of frame.dispatches) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [replay.location, d.location] },
        properties: { role: 'line', state: d.state, id: d.id },
      })
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: d.location },
        properties: { role: 'resource', name: d.resourceName },
      })
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: replay.location },
      properties: { role: 'incident', grade: frame.grade, status: frame.status },
    })
  }
  return { type: 'FeatureCollection', features }
}

export function useDrillReplayLayer(
  map: MapLibreMap,
  replay: DrillReplay | null,
  frame: ReplayFrame | null,
) {
  const data = useMemo(() => frameFeatures(replay, frame), [replay, frame])
  useEffect(() => {
    if (!map.getSource(SOURCE)) {
      map.addSource(SOURCE, { type: 'geojson', data })
      map.addLayer({
        id: replayLayerIds.lines,
        type: 'line',
        source: SOURCE,
        filter: ['==', ['get', 'role'], 'line'],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': '#0f3942',
          'line-width': ['case', ['==', ['get', 'state'], 'on_scene'], 3.5, 2] as unknown as number,
          'line-dasharray': [2, 1.5],
        },
      })
      map.addLayer({
        id: replayLayerIds.resources,
        type: 'circle',
        source: SOURCE,
        filter: ['==', ['get', 'role'], 'resource'],
        paint: {
          'circle-color': '#0f3942',
          'circle-radius': 5,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      })
      map.addLayer({
        id: replayLayerIds.incident,
        type: 'circle',
        source: SOURCE,
        filter: ['==', ['get', 'role'], 'incident'],
        paint: {
          'circle-color': byGrade,
          'circle-opacity': 0.7,
          'circle-radius': 12,
          'circle-stroke-color': EXERCISE_INK,
          'circle-stroke-width': 4,
        },
      })
    } else map.getSource<GeoJSONSource>(SOURCE)?.setData(data)
    const visibility = replay ? 'visible' : 'none'
    for (const id of Object.values(replayLayerIds))
      map.setLayoutProperty(id, 'visibility', visibility)
  }, [map, data, replay])
  // Unmounted (drawer and replay closed): nothing of the replay stays on the map.
  useEffect(
    () => () => {
      for (const id of Object.values(replayLayerIds)) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'none')
      }
    },
    [map],
  )
}
