import { useEffect } from 'react'
import { Marker, type MapMouseEvent } from 'maplibre-gl'
import { useMapContext } from '../map/map-context.ts'
import { usePanels } from '../state/panels.ts'
import { takeClick } from '../tools/active-tool.ts'
import { useDrillsUi } from './drills-store.ts'

/** The drill's place: the next map click while picking, then a draggable marker. */
export function DrillPlacePicker() {
  const { map } = useMapContext()
  const picking = useDrillsUi((s) => s.picking)
  const place = useDrillsUi((s) => s.place)
  const setPlace = useDrillsUi((s) => s.setPlace)
  const formOpen = useDrillsUi((s) => s.open)

  useEffect(() => {
    if (!picking) return
    map.getCanvas().classList.add('map--picking')
    const before = Math.max(0, ...usePanels.getState().panels.map((p) => p.order))
    const onClick = (event: MapMouseEvent) => {
      takeClick(event.originalEvent)
      setPlace([event.lngLat.lng, event.lngLat.lat])
      // The click also reached the layers' click-to-open: it was meant for the place.
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
  }, [map, picking, setPlace])

  useEffect(() => {
    if (!place || !formOpen) return
    const element = document.createElement('div')
    element.className = 'report-marker drill-marker'
    element.dataset.testid = 'drill-place-marker'
    const marker = new Marker({ element, draggable: true }).setLngLat(place).addTo(map)
    marker.on('dragend', () => {
      const p = marker.getLngLat()
      setPlace([p.lng, p.lat])
    })
    return () => void marker.remove()
  }, [map, place, formOpen, setPlace])
  return null
}
