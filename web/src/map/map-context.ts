import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'

export interface MapContextValue {
  map: MapLibreMap
  /** Font stack of the basemap's own labels, reused so overlay labels need no other glyphs. */
  textFont: string[]
  /** First symbol layer of the basemap: area overlays go below it, so place names stay on top. */
  beforeLabels: string | undefined
  /** `fallback` when the offline basemap could not be loaded and a plain background is shown. */
  basemap: 'offline' | 'fallback'
}

export const MapContext = createContext<MapContextValue | null>(null)

/** Renders its children only once the map has loaded its style. */
export function WhenMapReady({ children }: { children: ReactNode }) {
  return useContext(MapContext) ? children : null
}

/** The ready map, for components inside <WhenMapReady>. */
export function useMapContext(): MapContextValue {
  const value = useContext(MapContext)
  if (!value) throw new Error('useMapContext() outside <MapView>')
  return value
}

/**
 * The map zoom snapped to quarter levels: layer bindings re-render when a zoom threshold
 * may have been crossed, not on every animation frame.
 */
export function useMapZoom(map: MapLibreMap): number {
  return useSyncExternalStore(
    (notify) => {
      map.on('zoom', notify)
      return () => map.off('zoom', notify)
    },
    () => Math.floor(map.getZoom() * 4) / 4,
  )
}
