import { isClickTaken, isMapToolActive } from '../tools/active-tool.ts'
import { useEffect } from 'react'
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl'
import { usePanels } from '../state/panels.ts'
import type { FeatureRef, MapLayerDefinition } from './layers/layer-types.ts'

interface Picked {
  layer: MapLayerDefinition
  feature: MapGeoJSONFeature
}

/** The most specific feature under a point, across the shown layers of the registry. */
export function pickFeature(
  map: MapLibreMap,
  point: PointLike,
  layers: readonly MapLayerDefinition[],
): Picked | undefined {
  const owner = new Map<string, MapLayerDefinition>()
  for (const layer of layers) {
    for (const id of layer.hitLayerIds) if (map.getLayer(id)) owner.set(id, layer)
  }
  if (owner.size === 0) return undefined
  let best: Picked | undefined
  for (const feature of map.queryRenderedFeatures(point, { layers: [...owner.keys()] })) {
    const layer = owner.get(feature.layer.id)
    if (layer && (!best || layer.pickPriority > best.layer.pickPriority)) best = { layer, feature }
  }
  return best
}

/** A click on a cluster zooms to where it falls apart, centred on it. */
function zoomIntoCluster(map: MapLibreMap, feature: MapGeoJSONFeature) {
  const source = map.getSource<GeoJSONSource>(feature.source)
  const clusterId = Number(feature.properties.cluster_id)
  if (!source || feature.geometry.type !== 'Point') return
  const center = feature.geometry.coordinates as [number, number]
  // A cluster from server tiles has no expansion zoom to ask: step in.
  if (typeof source.getClusterExpansionZoom !== 'function') {
    map.easeTo({ center, zoom: map.getZoom() + 2 })
    return
  }
  void source
    .getClusterExpansionZoom(clusterId)
    .then((zoom) => map.easeTo({ center, zoom: zoom + 0.25 }))
    .catch(() => map.easeTo({ center, zoom: map.getZoom() + 2 }))
}

/** Marks the features that have a panel open (`selected` feature-state), as panels come and go. */
export function useSelectedFeatures(map: MapLibreMap, layers: readonly MapLayerDefinition[]) {
  const panels = usePanels((s) => s.panels)
  useEffect(() => {
    const refs: FeatureRef[] = []
    for (const panel of panels) {
      for (const layer of layers) {
        const ref = layer.featureFor?.(panel.content)
        if (ref && map.getSource(ref.source)) refs.push(ref)
      }
    }
    for (const ref of refs) map.setFeatureState(ref, { selected: true })
    return () => {
      for (const ref of refs)
        if (map.getSource(ref.source)) map.setFeatureState(ref, { selected: false })
    }
  }, [map, layers, panels])
}

/**
 * Hover highlight and click-to-open for every registry layer. Hover uses feature-state,
 * so a highlight costs no data upload.
 */
export function useMapInteractions(map: MapLibreMap, layers: readonly MapLayerDefinition[]) {
  const open = usePanels((s) => s.open)

  useEffect(() => {
    let hovered: FeatureRef | undefined
    let frame = 0

    const setHover = (next: MapGeoJSONFeature | undefined) => {
      const target =
        next && next.id !== undefined
          ? next.sourceLayer
            ? { source: next.source, sourceLayer: next.sourceLayer, id: next.id }
            : { source: next.source, id: next.id }
          : undefined
      if (hovered && target && hovered.source === target.source && hovered.id === target.id) return
      if (hovered && map.getSource(hovered.source)) map.setFeatureState(hovered, { hover: false })
      hovered = target
      if (hovered) map.setFeatureState(hovered, { hover: true })
      map.getCanvas().style.cursor = hovered ? 'pointer' : ''
    }

    const onMove = (event: { point: PointLike }) => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() =>
        setHover(isMapToolActive() ? undefined : pickFeature(map, event.point, layers)?.feature),
      )
    }
    const onLeave = () => {
      cancelAnimationFrame(frame)
      setHover(undefined)
    }
    const onClick = (event: {
      point: PointLike
      lngLat: { lng: number; lat: number }
      originalEvent: Event
    }) => {
      // A map tool (measure, nearby) owns the click: it places a point, opens nothing.
      if (isMapToolActive() || isClickTaken(event.originalEvent)) return
      const picked = pickFeature(map, event.point, layers)
      if (picked?.feature.properties.cluster) {
        zoomIntoCluster(map, picked.feature)
        return
      }
      const content = picked?.layer.panelFor?.(picked.feature)
      if (!content) return
      open({ content, anchor: [event.lngLat.lng, event.lngLat.lat], replaceUnpinned: true })
    }

    map.on('mousemove', onMove)
    map.on('mouseout', onLeave)
    map.on('click', onClick)
    return () => {
      cancelAnimationFrame(frame)
      map.off('mousemove', onMove)
      map.off('mouseout', onLeave)
      map.off('click', onClick)
      setHover(undefined)
    }
  }, [map, layers, open])
}
