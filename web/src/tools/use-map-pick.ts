import { useEffect } from 'react'
import type { MapMouseEvent } from 'maplibre-gl'
import { useMapContext } from '../map/map-context.ts'
import { usePanels } from '../state/panels.ts'
import { takeClick } from './active-tool.ts'

/**
 * While `picking`, the next map click picks a point (a report's place, a drill's place). The
 * same click reaches the layers' click-to-open handler, which is not ours to stop: the
 * transient panel it opened is closed, the click was meant for the point.
 */
export function useMapPick(picking: boolean, onPick: (point: [number, number]) => void) {
  const { map } = useMapContext()
  useEffect(() => {
    if (!picking) return
    map.getCanvas().classList.add('map--picking')
    const before = Math.max(0, ...usePanels.getState().panels.map((p) => p.order))
    const onClick = (event: MapMouseEvent) => {
      takeClick(event.originalEvent)
      onPick([event.lngLat.lng, event.lngLat.lat])
      setTimeout(() => {
        const { panels, close } = usePanels.getState()
        for (const p of panels) if (p.order > before && !p.pinned) close(p.id)
      }, 0)
    }
    map.once('click', onClick)
    return () => {
      map.getCanvas().classList.remove('map--picking')
      map.off('click', onClick)
    }
  }, [map, picking, onPick])
}
